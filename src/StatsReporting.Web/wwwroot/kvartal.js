// The quarter: a picker that opens on the latest quarter, its downloads, and per law (SoL, then LSS) the
// Sammanställning, the findings and the charts (click to enlarge). An empty state when nothing is reported yet.
import { $, api, el, lagar, namnd, visaFel } from './dom.js';
import { summa, tabell } from './sammanstallning.js';
import { kontroller } from './kontroller.js';

const lagnamn = { SoL: 'SoL – socialtjänstlagen', LSS: 'LSS – lagen om stöd och service till vissa funktionshindrade' };
let lista = [];

// Returns the function that reloads the list (after a run), keeping the chosen quarter or opening `period`.
export async function visaKvartal() {
  $('kvartal').hidden = false;
  $('kvartalsval').addEventListener('change', () => visaEtt($('kvartalsval').value));
  $('skriv-ut').addEventListener('click', () => window.print());
  $('forstoring').addEventListener('click', (e) => { if (e.target === $('forstoring')) $('forstoring').close(); });
  await visaNamnder();
  await ladda();
  return (period) => ladda(period ?? $('kvartalsval').value);
}

async function ladda(valt) {
  const svar = await fetch(api('/periods'));
  if (!svar.ok) return visaFel($('kvartalsinnehall'), svar);
  lista = await svar.json(); // newest first
  const tom = lista.length === 0;
  $('inga-kvartal').hidden = !tom;
  $('kvartalsvalet').hidden = tom;
  $('kvartalsval').replaceChildren(...lista.map((k) => el('option', { value: k.period, textContent: `${k.name} (${k.period})` })));
  if (tom) return $('kvartalsinnehall').replaceChildren();
  const period = lista.some((k) => k.period === valt) ? valt : lista[0].period;
  $('kvartalsval').value = period;
  await visaEtt(period);
}

// The Nämnd list, only for a key that sees more than one nämnd; choosing one reloads the page for it.
async function visaNamnder() {
  const svar = await fetch('/api/namnder');
  const alla = svar.ok ? await svar.json() : [];
  $('namndvalet').hidden = alla.length < 2;
  if (alla.length < 2) return;
  $('namndval').replaceChildren(...alla.map((n) => el('option', { value: n.code, textContent: `${n.name} (${n.kommun})` })));
  $('namndval').value = namnd ?? alla[0].code;
  $('namndval').addEventListener('change', () => { location.search = `?namnd=${encodeURIComponent($('namndval').value)}`; });
}

async function hamta(fil) {
  if (!fil) return null;
  const svar = await fetch(fil.url);
  return svar.ok ? svar.json() : null;
}

async function visaEtt(period) {
  const k = lista.find((x) => x.period === period);
  const [sammanstallning, fynd] = await Promise.all([hamta(k.summary), hamta(k.findings)]);
  $('kvartalsinnehall').replaceChildren(el('article', { className: 'kvartal' },
    el('h3', { id: 'kvartalsrubrik', textContent: `${k.name} (${k.period})` }),
    nedladdningar(k),
    ...lagar.map((lag) => lagdel(lag, k, sammanstallning?.find((s) => s.name === lag), fynd?.filter((f) => f.law === lag) ?? null))));
}

function nedladdningar(k) {
  const lankar = [
    ...k.workbooks.map((w) => lank(w, 'KF-arbetsbok')),
    ...k.documents.map((d) => lank(d, 'Tjänsteskrivelse')),
    k.zip ? lank(k.zip, 'Allt i ett paket (zip)') : null,
  ].filter(Boolean).map((a) => el('li', {}, a));
  if (k.ivo) lankar.push(el('li', { className: 'begransad' }, lank(k.ivo, 'Individrapport till IVO'),
    el('span', { className: 'markering', textContent: 'personuppgifter' })));
  if (k.avgift) lankar.push(el('li', { className: 'begransad' }, lank(k.avgift, 'Särskild avgift per beslut'),
    el('span', { className: 'markering', textContent: 'begränsad' })));
  return el('section', { className: 'nedladdningar', ariaLabel: 'Ladda ned' },
    el('h4', { textContent: 'Ladda ned' }), el('ul', { className: 'filer' }, ...lankar));
}

const lank = (fil, sort) => el('a', { href: fil.url, download: fil.title, textContent: `${sort}: ${fil.title}` });

function lagdel(lag, k, s, fynd) {
  const rubrik = el('h4', { id: `lag-${lag.toLowerCase()}`, textContent: lagnamn[lag] });
  const del = el('section', { className: 'lag' }, rubrik,
    s ? summa(s) : el('p', { className: 'hjalp', textContent: `Sammanställningen för ${lag} finns inte för kvartalet; en administratör kan köra kvartalet igen.` }),
    s ? el('div', { className: 'tabellram' }, tabell(s, k.name)) : null,
    kontroller(fynd),
    diagram(k.charts.filter((c) => c.law === lag)));
  del.setAttribute('aria-labelledby', rubrik.id);
  return del;
}

function diagram(charts) {
  if (charts.length === 0) return null;
  return el('div', { className: 'diagramdel' }, el('h5', { textContent: 'Diagram' }),
    el('div', { className: 'diagram' }, ...charts.map((c) => {
      const knapp = el('button', { type: 'button', className: 'forstora', title: 'Klicka för att förstora' },
        el('img', { src: c.url, alt: c.title, width: 1600, height: 1000 }));
      knapp.setAttribute('aria-label', `Förstora diagrammet ${c.title}`);
      knapp.addEventListener('click', () => forstora(c));
      return el('figure', {}, knapp, el('figcaption', { textContent: c.title }));
    })));
}

function forstora(c) {
  Object.assign($('forstoring-bild'), { src: c.url, alt: c.title });
  $('forstoring-text').textContent = c.title;
  $('forstoring').showModal();
}
