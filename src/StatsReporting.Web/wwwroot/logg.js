// The behandlingslogg (admin): who accessed personal data, when, from where, with what result; the latest rows of
// the chosen days, and the same as CSV for the log follow-up. /api/logg itself checks the role.
import { $, el, tid, visaFel } from './dom.js';

const rubriker = ['Tid', 'Vem', 'Handling', 'Objekt', 'Kvartal', 'Nämnd', 'Personer', 'Varifrån', 'Resultat'];
const handlingar = {
  individrapport_hamtad: 'Individrapporten hämtad', avgiftslista_hamtad: 'Avgiftslistan hämtad', ivo_export_skriven: 'IVO-export skriven',
  import: 'Import', gallring: 'Gallring', logg_gallrad: 'Loggen gallrad', logg_last: 'Loggen läst', inloggning: 'Inloggning',
  utloggning: 'Utloggning', misslyckad_inloggning: 'Misslyckad inloggning', nyckel_skapad: 'Nyckel skapad',
  nyckel_sparrad: 'Nyckel spärrad', roll_andrad: 'Roll ändrad',
};
const visas = 200;

export async function visaLogg() {
  $('logg').hidden = false;
  const idag = new Date().toISOString().slice(0, 10);
  $('logg-fran').value = new Date(Date.now() - 30 * 864e5).toISOString().slice(0, 10);
  $('logg-till').value = idag;
  $('loggformular').addEventListener('submit', async (e) => {
    e.preventDefault();
    await uppdatera();
  });
  await uppdatera();
}

async function uppdatera() {
  const fraga = `from=${encodeURIComponent($('logg-fran').value)}&to=${encodeURIComponent($('logg-till').value)}`;
  $('logg-csv').href = `/api/logg?${fraga}&format=csv`;
  const svar = await fetch(`/api/logg?${fraga}`);
  if (!svar.ok) return visaFel($('loggstatus'), svar);
  const rader = (await svar.json()).reverse().slice(0, visas);
  $('loggstatus').textContent = rader.length === 0 ? 'Inga rader de dagarna.' : `De ${rader.length} senaste raderna, den senaste först.`;
  $('logglista').replaceChildren(...rader.map((r) => {
    const celler = [tid(r.tid), r.vem, handlingar[r.handling] ?? r.handling, r.objekt ?? '', r.kvartal ?? '', r.namnd ?? '',
      r.antal_personer ?? '', r.adress ?? '', r.resultat];
    return el('tr', { className: r.resultat }, ...celler.map((text, i) => {
      const td = el('td', { textContent: String(text) });
      td.dataset.rubrik = rubriker[i];
      return td;
    }));
  }));
}
