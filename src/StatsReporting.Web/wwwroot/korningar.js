// The run history (admin): every run, whether the schedule, "Kör nu" or the CLI's `run` started it, with its status
// and Swedish message; and "Kör nu" itself. Polls while a run is going.
import { $, api, el, tid, visaFel } from './dom.js';

const statusnamn = { running: 'Pågår', succeeded: 'Klar', failed: 'Misslyckades' };
const rubriker = ['Kvartal', 'Startad av', 'Start', 'Klar', 'Status', 'Meddelande'];
let bevakning = null;
let senasteId = 0;
let vantarPa = null; // the run this page queued: Hangfire's job id, and the last run id before it (in-memory job ids restart)
let efterKorning = async () => {};

function startadAv(k) {
  if (k.trigger === 'scheduled') return 'Schemat (automatiskt)';
  if (k.trigger === 'manual') return `Kör nu: ${k.startedBy ?? 'okänd'}`;
  if (k.trigger === 'cli') return `Kommandoraden: ${k.startedBy ?? 'okänd'}`;
  if (k.trigger === 'backup') return 'Säkerhetskopiering (natt)';
  if (k.trigger === 'backup-cli') return `Säkerhetskopiering, kommandoraden: ${k.startedBy ?? 'okänd'}`;
  if (k.trigger === 'restore') return `Återställning: ${k.startedBy ?? 'okänd'}`;
  return k.trigger;
}

export async function visaKorningar(csrf, uppdateraKvartal) {
  efterKorning = uppdateraKvartal;
  $('korningar').hidden = false;
  $('period').value = foregaendeKvartal();
  $('korformular').addEventListener('submit', async (e) => {
    e.preventDefault();
    const period = $('period').value.trim().toUpperCase();
    const svar = await fetch(api(`/periods/${encodeURIComponent(period)}/runs`), { method: 'POST', headers: { 'X-CSRF-Token': csrf } });
    if (!svar.ok) return visaFel($('korstatus'), svar);
    vantarPa = { jobId: (await svar.json()).jobId, efter: senasteId };
    $('korstatus').textContent = `Kvartalsjobbet för ${period} är köat …`;
    await uppdatera();
  });
  await uppdatera();
}

function foregaendeKvartal() {
  const d = new Date();
  const q = Math.floor(d.getMonth() / 3) + 1;
  return q === 1 ? `${d.getFullYear() - 1}Q4` : `${d.getFullYear()}Q${q - 1}`;
}

async function uppdatera() {
  const svar = await fetch(api('/runs'));
  if (!svar.ok) return visaFel($('korstatus'), svar);
  const korningar = await svar.json();
  $('inga-korningar').hidden = korningar.length > 0;
  document.querySelector('.korhistorik').hidden = korningar.length === 0;
  $('korlista').replaceChildren(...korningar.map((k) => {
    // A backup or a restore has no quarter.
    const celler = [k.period || 'Säkerhetskopia', startadAv(k), tid(k.startedAt), tid(k.finishedAt), statusnamn[k.status] ?? k.status, k.message ?? ''];
    return el('tr', { className: k.status }, ...celler.map((text, i) => {
      const td = el('td', { textContent: text });
      td.dataset.rubrik = rubriker[i]; // the narrow layout shows each cell under its heading
      return td;
    }));
  }));
  senasteId = Math.max(senasteId, ...korningar.map((k) => k.id));
  const min = vantarPa && korningar.find((k) => k.jobId === vantarPa.jobId && k.id > vantarPa.efter);
  if (min && min.status !== 'running') {
    $('korstatus').textContent = `Körningen för ${min.period}: ${statusnamn[min.status].toLowerCase()}.`;
    vantarPa = null;
    await efterKorning(min.period);
  }
  clearTimeout(bevakning);
  if (vantarPa || korningar.some((k) => k.status === 'running')) bevakning = setTimeout(uppdatera, 1500);
}
