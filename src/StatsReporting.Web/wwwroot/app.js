// The page: asks /api/session who is signed in, then shows what that role may see. Each section is its own module
// (kvartal.js, korningar.js, import.js), so that a new section is one more file and one line here.
import { $ } from './dom.js';
import { visaKvartal } from './kvartal.js';
import { visaImport } from './import.js';
import { visaKorningar } from './korningar.js';
import { visaLogg } from './logg.js';

const rollnamn = { controller: 'controller', ivo: 'IVO-rapportör', admin: 'administratör' };

async function start() {
  const session = await (await fetch('/api/session')).json();
  document.querySelectorAll('input.csrf').forEach((i) => { i.value = session.csrf; });
  if (!session.role) return visaInloggning();
  $('inloggad').hidden = false;
  $('vem').textContent = `Inloggad: ${session.name} (${rollnamn[session.role] ?? session.role})`;
  const uppdateraKvartal = await visaKvartal(session);
  if (session.role === 'admin') {
    visaImport(session.csrf);
    await visaKorningar(session.csrf, uppdateraKvartal);
    await visaLogg();
  }
}

// The ways in that appsettings.json turns on (/api/page): the kommun's account (Web:Oidc), the key form, or both.
async function visaInloggning() {
  $('inloggning').hidden = false;
  const fraga = new URLSearchParams(location.search);
  const fel = fraga.get('inloggning');
  $('inloggningsfel').hidden = fel !== 'fel';
  $('inloggningsparr').hidden = fel !== 'sparr';
  $('ingen-behorighet').hidden = fel !== 'behorighet';
  $('inloggning-misslyckades').hidden = fel !== 'misslyckades';
  $('utloggad').hidden = !fraga.has('utloggad');
  const texter = await fetch('/api/page');
  if (!texter.ok) return;
  const sida = await texter.json();
  $('nyckelhjalp').textContent = sida.loginHelp;
  $('kontoinloggning').hidden = !sida.oidc;
  $('nyckelinloggning').hidden = !sida.nyckelinloggning;
  $('nyckelhjalp').hidden = !sida.nyckelinloggning; // who hands out keys: only while keys open the page
  if (sida.nyckelinloggning) $('nyckel').focus();
}

start();
