// A law's Sammanställning as an HTML table, with the numbers exactly as the workbook has them (from
// sammanstallning-<period>.json, written with the workbooks; nothing is counted here), and the quarter's total
// against the two quarters before it, as the Jämförelse sheet has them.
import { el } from './dom.js';

const andring = (n) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');

export function summa(lag) {
  const [nu, ...tidigare] = [...lag.totals].reverse();
  const jamfor = tidigare.map((t) => (t.total == null || t.change == null
    ? `${t.name}: uppgift saknas`
    : `${andring(t.change)} jämfört med ${t.name} (${t.total})`));
  return el('p', { className: 'summa' },
    el('strong', { textContent: `Totalt ${nu.total ?? 'uppgift saknas'} ej verkställda beslut i ${nu.name}.` }),
    jamfor.length ? ` Förändring: ${jamfor.join(', ')}.` : null);
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
