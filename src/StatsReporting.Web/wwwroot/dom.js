// Small helpers shared by the page's sections. Every text from the server goes in through textContent (el's props or
// append of a string), never as HTML.
export const $ = (id) => document.getElementById(id);

export function el(tag, props = {}, ...children) {
  const e = Object.assign(document.createElement(tag), props);
  for (const c of children) if (c != null) e.append(c);
  return e;
}

export const tid = (iso) => (iso ? new Date(iso).toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' }) : '–');

// A ProblemDetails answer as one Swedish line in `plats`.
export async function visaFel(plats, svar) {
  let text = `Fel ${svar.status}`;
  try { const p = await svar.json(); text = `${p.title ?? 'Fel'}: ${p.detail ?? ''}`; } catch { /* no ProblemDetails body */ }
  plats.replaceChildren(el('p', { className: 'fel', textContent: text }));
}

export const lagar = ['SoL', 'LSS']; // one order everywhere

// The nämnd the page shows (?namnd=kod, chosen in the Nämnd list when the key sees several): every section asks its
// addresses under /api/namnder/<kod>/; without one, /api/… answers for the key's first nämnd.
export const namnd = new URLSearchParams(location.search).get('namnd');
export const api = (path) => (namnd ? `/api/namnder/${encodeURIComponent(namnd)}${path}` : `/api${path}`);
