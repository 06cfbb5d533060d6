// Users and their roles (ADMIN): the list, a new user, a user's name, roles and password, deleting a user.
// Names and roles are versioned: each change is sent with the version the administrator saw, and a conflict
// opens the conflict dialog. A reset password and a delete end the user's sign-ins (the server does that).
import { h, announce, uuid } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import * as events from 'tandem/lib/events.js';
import { user } from 'tandem/lib/auth.js';
import { dataTable } from 'tandem/ui/table.js';
import { editRecord } from 'tandem/ui/editor.js';
import { openDialog, confirmDialog } from 'tandem/ui/dialog.js';
import { buildForm } from 'tandem/ui/form.js';
import { showConflict } from 'tandem/ui/conflict.js';

export const ROLES = [
  { role: 'ADMIN', hint: 'manages users and sees everything' },
  { role: 'MANAGER', hint: 'approves, plans and releases rack claims' },
  { role: 'USER', hint: 'everyday work' },
];

const NAME_FIELDS = [
  { name: 'first_name', label: 'First name', maxlength: 100 },
  { name: 'last_name', label: 'Last name', maxlength: 100 },
];

const fullName = (u) => `${u.first_name ?? ''} ${u.last_name ?? ''}`.trim();
const rolesText = (roles) => (roles?.length ? [...roles].sort().join(', ') : 'none');
const sameRoles = (a, b) => rolesText(a) === rolesText(b);

/** Role checkboxes in a fieldset, with their error line; `value()` answers the chosen roles. */
function roleChoice(legend, chosen) {
  const errorId = `roles-error-${uuid()}`;
  const boxes = ROLES.map(({ role, hint }) => {
    const id = `role-${role}-${uuid()}`;
    const box = h('input', { type: 'checkbox', id, value: role, checked: chosen.includes(role), 'aria-describedby': `${id}-hint` });
    return { role, box, row: h('div', { class: 'role-option' }, box, h('label', { for: id }, role),
      h('small', { id: `${id}-hint` }, hint)) };
  });
  const error = h('p', { class: 'field-error', id: errorId, 'aria-live': 'polite' });
  const element = h('fieldset', { class: 'roles', 'aria-describedby': errorId }, h('legend', {}, legend), boxes.map((b) => b.row), error);
  return {
    element,
    value: () => boxes.filter((b) => b.box.checked).map((b) => b.role),
    set: (roles, changed = []) => boxes.forEach((b) => {
      b.box.checked = roles.includes(b.role);
      b.box.classList.toggle('reapplied', changed.includes(b.role));
    }),
    showError: (message) => { error.textContent = message; boxes[0].box.focus(); },
    clearError: () => { error.textContent = ''; },
  };
}

export function usersTab() {
  const me = user();
  const table = dataTable({
    // The server searches users (?q=) but does not sort them: they come in the order they were created.
    caption: 'Users', path: '/api/users', entityTypes: ['user'], sortable: false,
    columns: [
      { key: 'username', label: 'Username' },
      { key: 'name', label: 'Name', render: (row) => fullName(row) || '—' },
      { key: 'roles', label: 'Roles', render: (row) => h('span', { class: 'roles-list' }, row.roles.map((r) => h('span', { class: `role role-${r.toLowerCase()}` }, r))) },
      { key: 'version', label: 'Version' },
    ],
    onOpen: (row) => editName(row),
    actions: (row) => [
      h('button', { type: 'button', class: 'small', 'aria-label': `Roles of ${row.username}`, onclick: () => changeRoles(row, table.reload) }, 'Roles'),
      h('button', { type: 'button', class: 'small', 'aria-label': `Reset password of ${row.username}`, onclick: () => resetPassword(row) }, 'Password'),
      row.id === me?.id ? null : h('button', { type: 'button', class: 'small danger', 'aria-label': `Delete ${row.username}`, onclick: () => remove(row, table.reload) }, 'Delete'),
    ],
  });

  // PUT /api/users/{id} sets both names: it gets the user as loaded plus the administrator's changes, under the
  // loaded version, so a name nobody touched is written back unchanged or the save is refused as a conflict.
  const editName = (row) => editRecord({
    title: `Edit user ${row.username}`, noun: 'user', path: '/api/users', id: row.id, fields: NAME_FIELDS, entityType: 'user',
    write: (mine, base) => api.put(`/api/users/${row.id}`, { first_name: base.first_name, last_name: base.last_name, ...mine },
      { headers: { 'If-Match': `"${base.version}"` } }),
    onSaved: () => table.reload(),
  }).catch((e) => announce(e.message, 'error'));

  const element = h('div', { class: 'admin-users' },
    h('div', { class: 'section-head' }, h('h2', {}, 'Users'),
      h('button', { type: 'button', class: 'primary', onclick: () => createUser(table.reload) }, 'New user')),
    h('p', { class: 'hint' }, 'Open a username to change the name. A password reset or a delete ends that user’s sign-ins at once.'),
    table.element);
  return { element, destroy: table.destroy, shown: () => table.reload() };
}

function createUser(reload) {
  const key = uuid();
  const form = buildForm([
    { name: 'username', label: 'Username', required: true, maxlength: 64, hint: '2–64 letters, digits, dots, dashes or underscores' },
    ...NAME_FIELDS,
    { name: 'password', label: 'Initial password', type: 'password', required: true, hint: 'Tell it to the user; they can change it after signing in.' },
  ], { onSubmit: () => save() });
  const roles = roleChoice('Roles', ['USER']);
  const create = h('button', { type: 'submit', class: 'primary' }, 'Create user');
  form.element.append(roles.element, h('div', { class: 'buttons' }, h('button', { type: 'button', onclick: () => close() }, 'Cancel'), create));
  const { close } = openDialog({ title: 'New user', className: 'editor', content: form.element });

  async function save() {
    form.clearErrors();
    roles.clearError();
    const chosen = roles.value();
    if (!chosen.length) { roles.showError('Choose at least one role.'); return; }
    create.disabled = true;
    try {
      const created = await api.post('/api/users', { ...form.read(), roles: chosen }, { headers: { 'Idempotency-Key': key } });
      close();
      announce(`Created user ${created.username} (${rolesText(created.roles)}).`, 'success');
      reload();
    } catch (error) {
      if (error.field === 'roles') roles.showError(error.message); else form.showError(error);
    } finally {
      create.disabled = false;
    }
  }
}

/** Says in the open dialog, at once, when someone else saves or deletes the user it shows. */
function watch(id, version, notice) {
  const offs = [
    events.on('entity.changed', (e) => {
      if (e.entity_type !== 'user' || String(e.entity_id) !== String(id) || e.version <= version()) return;
      notice.textContent = `${e.by ?? 'Someone'} changed this user just now (version ${e.version}). When you save you will see what changed and decide.`;
      notice.hidden = false;
    }),
    events.on('entity.deleted', (e) => {
      if (e.entity_type !== 'user' || String(e.entity_id) !== String(id)) return;
      notice.textContent = `${e.by ?? 'Someone'} deleted this user.`;
      notice.hidden = false;
    }),
  ];
  return () => offs.forEach((off) => off());
}

async function changeRoles(row, reload) {
  let base;
  try { base = await api.get(`/api/users/${row.id}`); } catch (e) { announce(e.message, 'error'); return; }
  const roles = roleChoice('Roles', base.roles);
  const stamp = h('p', { class: 'hint stamp' });
  const notice = h('p', { class: 'notice', role: 'status', hidden: true });
  const saveButton = h('button', { type: 'submit', class: 'primary' }, 'Save roles');
  const describe = () => { stamp.textContent = `Version ${base.version} · now ${rolesText(base.roles)}`; };
  const unwatch = watch(row.id, () => base.version, notice);
  const form = h('form', { novalidate: true, onsubmit: (event) => { event.preventDefault(); save(); } },
    roles.element, h('div', { class: 'buttons' }, h('button', { type: 'button', onclick: () => finish() }, 'Close'), saveButton));
  const { close } = openDialog({ title: `Roles of ${row.username}`, className: 'editor', content: [stamp, notice, form], onCancel: unwatch });
  const finish = () => { unwatch(); close(); };
  describe();

  async function save() {
    roles.clearError();
    const chosen = roles.value();
    if (sameRoles(chosen, base.roles)) { announce('Nothing changed, nothing to save.'); return; }
    if (!chosen.length) { roles.showError('Choose at least one role.'); return; }
    const demotingMyself = row.id === user()?.id && base.roles.includes('ADMIN') && !chosen.includes('ADMIN');
    if (demotingMyself && !await confirmDialog('Remove your own ADMIN role?',
      'You will no longer be able to manage users once you sign in again. Another administrator can give the role back.', 'Remove my ADMIN role')) return;
    saveButton.disabled = true;
    try {
      const saved = await api.put(`/api/users/${row.id}/roles`, { roles: chosen }, { headers: { 'If-Match': `"${base.version}"` } });
      finish();
      reload();
      announce(`${saved.username} now has ${rolesText(saved.roles)} (version ${saved.version}).`, 'success');
    } catch (error) {
      // A stale version brings the saved user along; the last-administrator guard is a 409 without one.
      if (error.conflict && error.problem.current) await resolve(error, chosen);
      else roles.showError(error.message);
    } finally {
      saveButton.disabled = false;
    }
  }

  // Refresh & retry re-applies only what this administrator changed: the roles they added and removed, on top of
  // the roles saved now, shown for review before Save.
  async function resolve(error, chosen) {
    const answer = await showConflict({ error, mine: { roles: chosen }, base,
      fields: [{ name: 'roles', label: 'Roles', format: rolesText }] });
    if (answer !== 'retry') return;
    const added = chosen.filter((r) => !base.roles.includes(r));
    const removed = base.roles.filter((r) => !chosen.includes(r));
    try { base = await api.get(`/api/users/${row.id}`); } catch (e) { roles.showError(e.message); return; }
    roles.set([...new Set([...base.roles, ...added])].filter((r) => !removed.includes(r)), [...added, ...removed]);
    describe();
    notice.textContent = `Now editing version ${base.version}. Your changes (${[...added.map((r) => `+${r}`), ...removed.map((r) => `−${r}`)].join(', ')}) are re-applied — check them and press Save roles.`;
    notice.hidden = false;
    saveButton.focus();
  }
}

function resetPassword(row) {
  const form = buildForm([
    { name: 'new_password', label: 'New password', type: 'password', required: true },
    { name: 'repeat', label: 'Repeat the new password', type: 'password', required: true },
  ], { onSubmit: () => save() });
  const saveButton = h('button', { type: 'submit', class: 'primary' }, 'Reset password');
  form.element.append(h('div', { class: 'buttons' }, h('button', { type: 'button', onclick: () => close() }, 'Cancel'), saveButton));
  const { close } = openDialog({ title: `Reset the password of ${row.username}`, className: 'editor', content: [
    h('p', { class: 'hint' }, `${row.username} is signed out everywhere and signs in again with the new password.`), form.element] });

  async function save() {
    form.clearErrors();
    const { new_password: password, repeat } = form.read();
    if (password !== repeat) { form.showError({ field: 'repeat', message: 'The two passwords differ.' }); return; }
    saveButton.disabled = true;
    try {
      await api.put(`/api/users/${row.id}/password`, { new_password: password });
      close();
      announce(`The password of ${row.username} was reset; their sign-ins have ended.`, 'success');
    } catch (error) {
      form.showError(error);
    } finally {
      saveButton.disabled = false;
    }
  }
}

async function remove(row, reload) {
  if (!await confirmDialog('Delete user', `Delete user “${row.username}” (version ${row.version})? Their sign-ins end at once.`, 'Delete')) return;
  try {
    await api.del(`/api/users/${row.id}`, { headers: { 'If-Match': `"${row.version}"` } });
    announce(`Deleted user ${row.username}.`, 'success');
  } catch (error) {
    announce(`${row.username} was not deleted: ${error.message}`, 'error');
  }
  reload();
}
