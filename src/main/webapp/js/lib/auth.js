// Who is signed in, shared by every tab of this browser.
//
// The tokens live in localStorage so that all tabs (a duplicated tab included) use one refresh token: the
// server rotates it on every refresh and treats a second use of an old one as theft, signing everybody out.
// A refresh therefore happens under a Web Lock, and a tab that waited for the lock takes the tokens the other
// tab just stored instead of refreshing again. Sign-in and sign-out are broadcast to the other tabs.

const KEY = 'tandem.auth';
const channel = 'BroadcastChannel' in window ? new BroadcastChannel('tandem.auth') : null;
const listeners = new Set();
let refreshTimer = null;

export function current() {
  try { return JSON.parse(localStorage.getItem(KEY)); } catch { return null; }
}

export const user = () => current()?.user ?? null;
export const hasRole = (role) => !!user()?.roles?.includes(role);
export const isManager = () => hasRole('MANAGER') || hasRole('ADMIN');

/** Called with the signed-in user, or null after a sign-out (in this tab or another). */
export function onChange(listener) { listeners.add(listener); return () => listeners.delete(listener); }

function notify() { const u = user(); listeners.forEach((l) => l(u)); schedule(); }

// The other tabs get the new state in the message itself: localStorage reaches another tab's process a little
// later than a BroadcastChannel message may, so a tab that read it on the message could still see the old state.
function save(auth) {
  if (auth) localStorage.setItem(KEY, JSON.stringify(auth)); else localStorage.removeItem(KEY);
  channel?.postMessage(auth);
}

export function store(answer) {
  save({ access: answer.access_token, refresh: answer.refresh_token, user: answer.user,
    expires_at: Date.now() + answer.expires_in * 1000, lifetime: answer.expires_in * 1000 });
}

export function signedIn(answer) { store(answer); notify(); }

/** Forgets the tokens here and in every other tab. */
export function signedOut() {
  const was = current();
  save(null);
  if (was) notify();
}

/**
 * A fresh access token. `stale` is the token a request was refused with (or that is about to expire); when
 * another tab already replaced it, its successor is used and nothing is sent.
 */
export async function refresh(stale) {
  const run = async () => {
    const auth = current();
    if (!auth) throw new SignedOut();
    if (auth.access !== stale && auth.expires_at - Date.now() > 5000) return auth.access;
    const response = await fetch('/api/auth/refresh', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refresh_token: auth.refresh }) }).catch(() => null);
    if (!response) throw new Offline();
    if (response.status === 401 || response.status === 400) {
      signedOut();
      throw new SignedOut();
    }
    if (!response.ok) throw new Offline();
    const answer = await response.json();
    store(answer);
    schedule();
    return answer.access_token;
  };
  return navigator.locks ? navigator.locks.request('tandem.refresh', run) : run();
}

// Refreshes a minute before expiry (or at 80 % of a short lifetime) so requests rarely meet a 401.
function schedule() {
  clearTimeout(refreshTimer);
  const auth = current();
  if (!auth) return;
  const margin = Math.min(60_000, auth.lifetime * 0.2);
  const inMillis = Math.max(1000, auth.expires_at - margin - Date.now());
  refreshTimer = setTimeout(() => refresh(auth.access).catch(() => {}), inMillis);
}

export class SignedOut extends Error { constructor() { super('Your sign-in has ended. Please sign in again.'); } }
export class Offline extends Error { constructor() { super('Tandem cannot be reached. Check the network; nothing was saved.'); } }

channel?.addEventListener('message', (event) => {
  if (event.data) localStorage.setItem(KEY, JSON.stringify(event.data)); else localStorage.removeItem(KEY);
  notify();
});
// Browsers without BroadcastChannel still tell other tabs about localStorage changes.
window.addEventListener('storage', (event) => { if (event.key === KEY && !channel) notify(); });
schedule();
