// The page: asks /api/session who is signed in, then shows what that role may see. Every text from the server is
// put in with textContent, never as HTML.
'use strict';

const rollnamn = { controller: 'controller', ivo: 'IVO-rapportör', admin: 'administratör' };
const statusnamn = { running: 'Pågår', succeeded: 'Klar', failed: 'Misslyckades' };
const startnamn = { scheduled: 'enligt schema', manual: 'manuellt' };
let csrf = '';
let bevakning = null;
let senasteId = 0;
let vantarPa = null; // the run this page queued: Hangfire's job id, and the last run id before it (in-memory job ids restart)

const $ = (id) => document.getElementById(id);

function el(tag, props = {}, ...children) {
  const e = Object.assign(document.createElement(tag), props);
  for (const c of children) if (c != null) e.append(c);
  return e;
}

const tid = (iso) => (iso ? new Date(iso).toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' }) : '–');

async function start() {
  const session = await (await fetch('/api/session')).json();
  csrf = session.csrf;
  document.querySelectorAll('input.csrf').forEach((i) => { i.value = csrf; });
  if (!session.role) {
    $('inloggning').hidden = false;
    const fel = new URLSearchParams(location.search).get('inloggning');
    $('inloggningsfel').hidden = fel !== 'fel';
    $('inloggningsparr').hidden = fel !== 'sparr';
    $('nyckel').focus();
    return;
  }
  $('inloggad').hidden = false;
  $('vem').textContent = `Inloggad: ${session.name} (${rollnamn[session.role] ?? session.role})`;
  $('kvartal').hidden = false;
  await visaKvartal();
  if (session.role === 'admin') {
    $('import').hidden = false;
    $('korningar').hidden = false;
    $('period').value = foregaendeKvartal();
    await visaKorningar();
  }
}

function foregaendeKvartal() {
  const d = new Date();
  const q = Math.floor(d.getMonth() / 3) + 1;
  return q === 1 ? `${d.getFullYear() - 1}Q4` : `${d.getFullYear()}Q${q - 1}`;
}

async function visaKvartal() {
  const svar = await fetch('/api/periods');
  if (!svar.ok) return visaFel($('kvartalslista'), svar);
  const kvartal = await svar.json();
  $('inga-kvartal').hidden = kvartal.length > 0;
  $('kvartalslista').replaceChildren(...kvartal.map((k) => {
    const filer = el('ul', { className: 'filer' });
    for (const w of k.workbooks) filer.append(el('li', {}, nedladdning(w, 'KF-arbetsbok')));
    for (const d of k.documents || []) filer.append(el('li', {}, nedladdning(d, 'Word')));
    if (k.ivo) filer.append(el('li', { className: 'begransad' }, nedladdning(k.ivo, 'Individrapport'),
      el('span', { className: 'markering', textContent: 'personuppgifter' })));
    if (k.findings) filer.append(el('li', {}, el('a', { href: k.findings.url, textContent: k.findings.title })));
    const diagram = el('div', { className: 'diagram' }, ...k.charts.map((c) =>
      el('figure', {}, el('a', { href: c.url }, el('img', { src: c.url, alt: c.title })),
        el('figcaption', { textContent: c.title }))));
    return el('article', { className: 'kvartal' },
      el('h3', { textContent: `${k.name} (${k.period})` }), filer, k.charts.length ? diagram : null);
  }));
}

function nedladdning(fil, sort) {
  return el('a', { href: fil.url, download: fil.title, textContent: `${sort}: ${fil.title}` });
}

async function visaFel(plats, svar) {
  let text = `Fel ${svar.status}`;
  try { const p = await svar.json(); text = `${p.title}: ${p.detail ?? ''}`; } catch { /* no ProblemDetails body */ }
  plats.replaceChildren(el('p', { className: 'fel', textContent: text }));
}

$('importformular').addEventListener('submit', async (e) => {
  e.preventDefault();
  const resultat = $('importresultat');
  resultat.replaceChildren(el('p', { textContent: 'Laddar upp …' }));
  const svar = await fetch('/api/imports', { method: 'POST', headers: { 'X-CSRF-Token': csrf }, body: new FormData(e.target) });
  const body = await svar.json();
  if (svar.ok) {
    resultat.replaceChildren(el('p', { className: 'ok', textContent: body.summary }));
    return;
  }
  const rader = (body.errors ?? []).map((f) => el('tr', {},
    el('td', { textContent: f.row }), el('td', { textContent: f.column ?? '' }), el('td', { textContent: f.message })));
  resultat.replaceChildren(el('p', { className: 'fel', textContent: `${body.title}: ${body.detail ?? ''}` }),
    rader.length ? el('table', {}, el('thead', {}, el('tr', {}, el('th', { textContent: 'Rad' }),
      el('th', { textContent: 'Kolumn' }), el('th', { textContent: 'Fel' }))), el('tbody', {}, ...rader)) : null);
});

$('korformular').addEventListener('submit', async (e) => {
  e.preventDefault();
  const period = $('period').value.trim().toUpperCase();
  const svar = await fetch(`/api/periods/${encodeURIComponent(period)}/runs`, { method: 'POST', headers: { 'X-CSRF-Token': csrf } });
  if (!svar.ok) return visaFel($('korstatus'), svar);
  vantarPa = { jobId: (await svar.json()).jobId, efter: senasteId };
  $('korstatus').textContent = `Kvartalsjobbet för ${period} är köat …`;
  await visaKorningar();
});

// Polls the run history while a run is going or the one just queued has not finished, then refreshes the quarters.
async function visaKorningar() {
  const svar = await fetch('/api/runs');
  if (!svar.ok) return visaFel($('korstatus'), svar);
  const korningar = await svar.json();
  $('korlista').replaceChildren(...korningar.map((k) => el('tr', { className: k.status },
    el('td', { textContent: k.period }), el('td', { textContent: startnamn[k.trigger] ?? k.trigger }),
    el('td', { textContent: tid(k.startedAt) }), el('td', { textContent: tid(k.finishedAt) }),
    el('td', { textContent: statusnamn[k.status] ?? k.status }), el('td', { textContent: k.message ?? '' }))));
  senasteId = Math.max(senasteId, ...korningar.map((k) => k.id));
  const min = vantarPa && korningar.find((k) => k.jobId === vantarPa.jobId && k.id > vantarPa.efter);
  if (min && min.status !== 'running') {
    $('korstatus').textContent = `Körningen för ${min.period}: ${statusnamn[min.status].toLowerCase()}.`;
    vantarPa = null;
    await visaKvartal();
  }
  clearTimeout(bevakning);
  if (vantarPa || korningar.some((k) => k.status === 'running')) bevakning = setTimeout(visaKorningar, 1500);
}

start();
