// A law's Sammanställning as an HTML table, with the numbers exactly as the workbook has them (from
// sammanstallning-<period>.json, written with the workbooks; nothing is counted here), and the quarter's total
// against the two quarters before it, as the Jämförelse sheet has them.
import { el } from './dom.js';

// In the house style of the tjänsteskrivelse: the quarter as "kvartal 2 2025" in prose, zero and one in words.
const kvartal = (period) => `kvartal ${period.slice(5)} ${period.slice(0, 4)}`;
const lista = (xs) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} och ${xs[xs.length - 1]}`);
const antal = (n) => (n === 0 ? 'inga ej verkställda beslut' : n === 1 ? 'ett ej verkställt beslut' : `${n} ej verkställda beslut`);
const jamfort = (t) => (t.change === 0 ? `lika många som vid utgången av ${kvartal(t.period)}`
  : `${Math.abs(t.change)} ${t.change > 0 ? 'fler' : 'färre'} än vid utgången av ${kvartal(t.period)} (${t.total})`);

export function summa(lag) {
  const [nu, ...tidigare] = [...lag.totals].reverse();
  if (nu.total == null) return el('p', { className: 'summa' }, el('strong', { textContent: `För ${kvartal(nu.period)} saknas uppgift.` }));
  const kanda = tidigare.filter((t) => t.total != null && t.change != null);
  const saknas = tidigare.filter((t) => !kanda.includes(t)).map((t) => kvartal(t.period));
  return el('p', { className: 'summa' },
    el('strong', { textContent: `Vid utgången av ${kvartal(nu.period)} fanns ${antal(nu.total)}`
      + (kanda.length ? `, ${lista(kanda.map(jamfort))}.` : '.') }),
    saknas.length ? ` För ${lista(saknas)} saknas uppgift.` : null);
}

export function tabell(lag, kvartalsnamn) {
  const huvud = el('tr', {}, el('th', { scope: 'col', textContent: lag.labelHeader }),
    ...lag.columns.map((c) => el('th', { scope: 'col', className: 'tal', textContent: c })));
  const rader = lag.rows.map((r) => el('tr', { className: r.kind },
    el('th', { scope: 'row', textContent: r.label }),
    ...r.values.map((v) => el('td', { className: 'tal', textContent: r.zero ? '-' : (v ?? '') }))));
  return el('table', { className: 'sammanstallning' },
    el('caption', { textContent: `Sammanställning ${lag.name} ${kvartalsnamn}` }),
    el('thead', {}, huvud), el('tbody', {}, ...rader));
}
