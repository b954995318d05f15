// The page's bevakning section: for a signed-in controller (or higher), how many decisions reach three months within
// the configured days and how many are already late, per lag, verksamhet and enhet, with the workbook to download.
// Its own file and scope (app.js is the rest of the page); every text from the server goes in with textContent.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const cell = (text) => Object.assign(document.createElement('td'), { textContent: text });

  const MANADER = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

  async function visaBevakning() {
    // The page's nämnd (?namnd=kod), as dom.js's api() does: this file is a classic script, not a module.
    const namnd = new URLSearchParams(location.search).get('namnd');
    const svar = await fetch(namnd ? `/api/namnder/${encodeURIComponent(namnd)}/bevakning` : '/api/bevakning');
    if (!svar.ok) return;
    const b = await svar.json();
    $('bevakning-dagar').textContent = `Inom ${b.days} dagar`;
    // The house style of the tjänsteskrivelse: the date in words, zero and one as words.
    const [ar, manad, dag] = b.today.split('-').map(Number);
    const datum = `${dag} ${MANADER[manad - 1]} ${ar}`;
    const snart = b.snart === 0 ? 'inga beslut' : b.snart === 1 ? 'ett beslut' : `${b.snart} beslut`;
    const sena = b.sena === 0 ? 'inga är' : b.sena === 1 ? 'ett är' : `${b.sena} är`;
    $('bevakning-summa').textContent = `Den ${datum} når ${snart} tre månader inom ${b.days} dagar, och ${sena} redan `
      + `${b.sena === 1 ? 'försenat' : 'försenade'} och kommer med i nästa kvartalsrapport.`;
    $('bevakning-rader').replaceChildren(...b.perEnhet.map((r) => {
      const tr = document.createElement('tr');
      tr.append(cell(r.lag), cell(r.verksamhet ?? '–'), cell(r.enhet ?? '–'), cell(String(r.snart)), cell(String(r.sena)));
      return tr;
    }));
    $('bevakning-tabell').hidden = b.perEnhet.length === 0;
    Object.assign($('bevakning-hamta'), { href: b.workbook, download: b.workbookName, textContent: `Hämta ${b.workbookName}` });
    $('bevakningslista').hidden = false;
  }

  // Asked once app.js has shown who is signed in: a second /api/session here would renew the antiforgery cookie
  // under the login form's token. Without that marker (a rewritten page), ask at once; 401/403 keep it hidden.
  const inloggad = $('inloggad');
  if (!inloggad) { visaBevakning(); return; }
  if (!inloggad.hidden) { visaBevakning(); return; }
  const observer = new MutationObserver(() => {
    if (inloggad.hidden) return;
    observer.disconnect();
    visaBevakning();
  });
  observer.observe(inloggad, { attributes: true, attributeFilter: ['hidden'] });
})();
