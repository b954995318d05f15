// A law's findings as Swedish sentences, grouped by what they are about, with counts; "Inga avvikelser" when none.
import { el } from './dom.js';

const rubrik = {
  dubblett: 'Möjliga dubbletter',
  forsvunnet: 'Beslut som saknas i den senaste importen',
  'fjarde-kvartalet': 'Beslut som rapporteras för fjärde kvartalet eller mer',
  'orsak-saknas': 'Ej verkställda beslut utan orsak',
  historik: 'Lagrade tabeller som avviker från beslutsunderlaget',
};

const antal = (n) => `${n} ${n === 1 ? 'avvikelse' : 'avvikelser'}`;

// `fynd` null: the quarter has no kontroller file (made by an older version, or not written).
export function kontroller(fynd) {
  const del = el('div', { className: 'kontroller' }, el('h5', { textContent: 'Kontroller' }));
  if (fynd == null) {
    del.append(el('p', { className: 'hjalp', textContent: 'Kontrollerna finns inte för kvartalet.' }));
    return del;
  }
  if (fynd.length === 0) {
    del.append(el('p', { className: 'ok', textContent: 'Inga avvikelser' }));
    return del;
  }
  const grupper = new Map();
  for (const f of fynd) {
    const namn = rubrik[f.kind] ?? 'Övriga avvikelser';
    grupper.set(namn, [...(grupper.get(namn) ?? []), f]);
  }
  del.append(el('p', { textContent: `${antal(fynd.length)} i underlaget:` }),
    el('ul', { className: 'fynd' }, ...[...grupper].map(([namn, lista]) => el('li', {},
      el('strong', { textContent: `${namn} (${lista.length})` }),
      el('ul', {}, ...lista.map((f) => el('li', { className: f.severity === 'fel' ? 'fel' : '', textContent: f.message })))))));
  return del;
}
