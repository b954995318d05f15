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

async function visaInloggning() {
  $('inloggning').hidden = false;
  const fel = new URLSearchParams(location.search).get('inloggning');
  $('inloggningsfel').hidden = fel !== 'fel';
  $('inloggningsparr').hidden = fel !== 'sparr';
  $('nyckel').focus();
  const texter = await fetch('/api/page');
  if (texter.ok) $('nyckelhjalp').textContent = (await texter.json()).loginHelp;
}

start();
