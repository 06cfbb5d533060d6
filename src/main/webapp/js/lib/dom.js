// Small DOM helpers so every screen builds its markup the same way, with text (never HTML) from the server.

/**
 * Creates an element: h('button', { class: 'primary', onclick: fn }, 'Save').
 * Attributes starting with "on" become listeners; `false`/`null` attributes are left out; children may be
 * strings, nodes, arrays or null.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name in element && typeof value !== 'string') element[name] = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

/** Says something to the user in the page's live region (screen readers read it too); never alert(). */
export function announce(message, kind = 'info') {
  const region = document.getElementById('messages');
  const item = h('p', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : null }, message,
    h('button', { type: 'button', class: 'link', 'aria-label': 'Dismiss message', onclick: () => item.remove() }, '×'));
  region.append(item);
  // Old messages go away by themselves, errors stay until dismissed.
  if (kind !== 'error') setTimeout(() => item.remove(), 8000);
  while (region.children.length > 4) region.firstElementChild.remove();
}

const display = (value) => (value === null || value === undefined || value === '' ? '—' : String(value));
export { display };

/** "12 s ago", "4 min ago", "3 h ago", else the local date and time. */
export function ago(iso, now = Date.now()) {
  if (!iso) return '';
  const seconds = Math.max(0, Math.round((now - new Date(iso)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return new Date(iso).toLocaleString();
}

export const dateTime = (iso) => (iso ? new Date(iso).toLocaleString() : '');

/** True when someone else changed the row in the last five minutes (seed 000's indicator). */
export function recentlyChangedByOthers(row, me, now = Date.now()) {
  if (!row.last_modified_at || now - new Date(row.last_modified_at) >= 300_000) return false;
  return row.last_modified_by_id !== undefined && row.last_modified_by_id !== null
    ? row.last_modified_by_id !== me?.id : row.last_modified_by !== me?.username;
}

export function debounce(fn, millis) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), millis); };
}

/** A random id for Idempotency-Key and offline records; crypto.randomUUID needs HTTPS, this does not. */
export function uuid() {
  if (crypto.randomUUID && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
