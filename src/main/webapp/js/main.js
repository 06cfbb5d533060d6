// The shell: sign-in, navigation between areas (#/area/...), the live and offline indicators, presence.
import { h, $, announce } from 'tandem/lib/dom.js';
import * as auth from 'tandem/lib/auth.js';
import * as api from 'tandem/lib/api.js';
import * as events from 'tandem/lib/events.js';
import * as presence from 'tandem/presence.js';
import { accountMenu } from 'tandem/account.js';
import { AREAS } from 'tandem/areas/index.js';

let cleanup = null;
let routing = 0;  // which route() call is the latest: an earlier one whose module loads late must not render
let signedInAs;  // undefined until the first onAuth: then a user id, or null when signed out

const visible = (area) => !area.roles || area.roles.some(auth.hasRole);

function renderNav() {
  const current = location.hash.split('/')[1];
  $('#nav').replaceChildren(h('ul', {}, AREAS.filter(visible).map((area) =>
    h('li', {}, h('a', { href: `#/${area.path}`, 'aria-current': area.path === current ? 'page' : null }, area.title)))));
}

async function route() {
  if (!auth.user()) return;
  const [, path = '', ...params] = location.hash.split('/');
  const area = AREAS.find((a) => a.path === path && visible(a)) || AREAS[0];
  if (area.path !== path) { history.replaceState(null, '', `#/${area.path}`); }
  renderNav();
  cleanup?.();
  cleanup = null;
  const view = $('#view');
  view.replaceChildren(h('h1', {}, area.title));
  document.title = `${area.title} · Tandem`;
  const mine = ++routing;
  try {
    const module = await area.load();
    if (mine !== routing) return;
    const root = h('div', { class: `area area-${area.path}` });
    view.append(root);
    cleanup = module.default.render(root, params.map(decodeURIComponent)) || null;
  } catch (error) {
    view.append(h('p', { class: 'form-error', role: 'alert' }, `This screen could not be loaded: ${error.message}`));
  }
}

function showSignIn() {
  cleanup?.();
  cleanup = null;
  events.stop();
  presence.stop();
  $('#view').replaceChildren();
  for (const id of ['#nav', '#presence', '#top-tools']) $(id).hidden = true;
  const form = $('#login-form');
  form.reset();
  $('#login').hidden = false;
  document.title = 'Sign in · Tandem';
  form.elements.username.focus();
}

function showApp(user) {
  $('#login').hidden = true;
  $('#login-form').reset();
  for (const id of ['#nav', '#presence', '#top-tools']) $(id).hidden = false;
  $('#account').replaceChildren(accountMenu(user));
  events.start();
  presence.start($('#presence'), $('#context-picker'));
  route();
}

// Reacts to sign-in and sign-out in this tab and in the others; token refreshes change nothing on screen.
function onAuth(user) {
  const id = user?.id ?? null;
  if (id === signedInAs) {
    if (user) $('#account').replaceChildren(accountMenu(user));
    return;
  }
  signedInAs = id;
  if (user) showApp(user); else showSignIn();
}

$('#login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const error = $('#login-error');
  error.textContent = '';
  form.elements.username.removeAttribute('aria-invalid');
  const button = $('#login-submit');
  button.disabled = true;
  try {
    const answer = await api.post('/api/auth/login', { username: form.elements.username.value, password: form.elements.password.value });
    auth.signedIn(answer);
  } catch (e) {
    error.textContent = e.status === 401 ? 'Wrong username or password.' : e.message;
    form.elements.password.value = '';
    form.elements.password.focus();
  } finally {
    button.disabled = false;
  }
});
$('#login-submit').disabled = false;

events.onState((live) => {
  const indicator = $('#live-indicator');
  indicator.classList.toggle('on', live);
  indicator.querySelector('.text').textContent = live ? 'Live' : 'Reconnecting…';
  indicator.title = live ? 'Changes by others appear as they happen' : 'Live updates paused; reconnecting';
});
api.onConnectivity((online) => {
  $('#offline-indicator').hidden = online;
  document.body.classList.toggle('is-offline', !online);
});
// Each list reloads itself on a reset; rebuilding the screen here would throw away what the user is typing.
events.on('reset', () => announce('Back after a long disconnection: the lists have been brought up to date.'));
window.addEventListener('hashchange', route);
auth.onChange(onAuth);
onAuth(auth.user());
