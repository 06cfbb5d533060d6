// The signed-in user's menu: who I am, change my password, sign out (here and in every other tab).
import { h, announce } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import * as auth from 'tandem/lib/auth.js';
import { openDialog } from 'tandem/ui/dialog.js';
import { buildForm } from 'tandem/ui/form.js';

export function accountMenu(user) {
  return h('span', { class: 'account' },
    h('span', { class: 'who' }, `${user.first_name} ${user.last_name}`),
    h('button', { type: 'button', class: 'small', onclick: changePassword }, 'Change password'),
    h('button', { type: 'button', class: 'small', id: 'sign-out', onclick: signOut }, 'Sign out'));
}

async function signOut() {
  try { await api.post('/api/auth/logout'); } catch { /* signed out here whatever the server says */ }
  auth.signedOut();
  announce('You are signed out.');
}

function changePassword() {
  const form = buildForm([
    { name: 'current_password', label: 'Current password', type: 'password', required: true, autocomplete: 'current-password' },
    { name: 'new_password', label: 'New password', type: 'password', required: true},
  ], { onSubmit: () => save() });
  form.element.append(h('div', { class: 'buttons' },
    h('button', { type: 'button', onclick: () => close() }, 'Cancel'),
    h('button', { type: 'submit', class: 'primary' }, 'Change password')));
  const { close } = openDialog({ title: 'Change your password', content: form.element });
  async function save() {
    form.clearErrors();
    try {
      await api.post('/api/auth/password', form.read());
      close();
      announce('Your password was changed.', 'success');
    } catch (error) {
      form.showError(error);
    }
  }
}
