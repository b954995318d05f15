// Upload of beslutsunderlag (admin): the import's summary, or every row error with row and column. "Kontrollera" sends
// the same file as a dry run (?check=true): what an upload would do and where each column came from, nothing stored.
import { $, api, el } from './dom.js';

export function visaImport(csrf) {
  $('import').hidden = false;
  $('importformular').addEventListener('submit', async (e) => {
    e.preventDefault();
    const resultat = $('importresultat');
    const kontroll = e.submitter?.value === 'kontrollera';
    resultat.replaceChildren(el('p', { textContent: kontroll ? 'Kontrollerar …' : 'Laddar upp …' }));
    const svar = await fetch(api('/imports') + (kontroll ? '?check=true' : ''),
      { method: 'POST', headers: { 'X-CSRF-Token': csrf }, body: new FormData(e.target) });
    const body = await svar.json();
    if (svar.ok) {
      const kolumner = (body.columns ?? []).map((k) => el('li', {
        textContent: k.column === k.header ? k.column : `${k.column} ← rubriken '${k.header}'` }));
      const varningar = (body.warnings ?? []).map((v) => el('li', { textContent: `rad ${v.row}${v.column ? `, kolumn ${v.column}` : ''}: ${v.message}` }));
      // replaceChildren would show a null as the text "null": only what there is.
      resultat.replaceChildren(...[el('p', { className: 'ok', textContent: body.summary }),
        body.checked && kolumner.length ? el('p', { textContent: 'Kolumner i filen:' }) : null,
        body.checked && kolumner.length ? el('ul', { id: 'importkolumner' }, ...kolumner) : null,
        varningar.length ? el('p', { textContent: 'Varningar:' }) : null,
        varningar.length ? el('ul', {}, ...varningar) : null].filter((x) => x));
      return;
    }
    const rader = (body.errors ?? []).map((f) => el('tr', {},
      el('td', { textContent: f.row }), el('td', { textContent: f.column ?? '' }), el('td', { textContent: f.message })));
    resultat.replaceChildren(...[el('p', { className: 'fel', textContent: `${body.title}: ${body.detail ?? ''}` }),
      rader.length ? el('table', {}, el('thead', {}, el('tr', {}, el('th', { textContent: 'Rad' }),
        el('th', { textContent: 'Kolumn' }), el('th', { textContent: 'Fel' }))), el('tbody', {}, ...rader)) : null].filter((x) => x));
  });
}
