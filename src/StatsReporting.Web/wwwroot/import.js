// Upload of beslutsunderlag (admin): the import's summary, or every row error with row and column.
import { $, api, el } from './dom.js';

export function visaImport(csrf) {
  $('import').hidden = false;
  $('importformular').addEventListener('submit', async (e) => {
    e.preventDefault();
    const resultat = $('importresultat');
    resultat.replaceChildren(el('p', { textContent: 'Laddar upp …' }));
    const svar = await fetch(api('/imports'), { method: 'POST', headers: { 'X-CSRF-Token': csrf }, body: new FormData(e.target) });
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
}
