// Editing one versioned record without losing anyone's work.
//
// The editor remembers the record as the user opened it and, on save, sends only the fields the user changed
// as a merge-patch with If-Match: a field the user did not touch is never written. A 409/412 opens the
// conflict dialog; nothing is retried without the user. While it is open, the editor says at once when
// someone else saves the same record (from the change stream).
import { h, ago, announce, uuid } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import * as events from 'tandem/lib/events.js';
import { user } from 'tandem/lib/auth.js';
import { openDialog } from './dialog.js';
import { buildForm } from './form.js';
import { showConflict } from './conflict.js';

/**
 * Opens the editor for `${path}/${id}`. Options: title, noun (for messages), fields, entityType (the change stream's name for the
 * type, e.g. 'storage_system'), onSaved(record), extra (a function given the record, answering nodes shown
 * under the form, e.g. a storage system's hosts), write(changes, base) for a resource without PATCH (it must
 * send `base.version` and write only the changed fields, e.g. a full PUT of `base` plus the changes).
 */
export async function editRecord({ title, noun = 'record', path, id, fields, entityType, onSaved, extra,
  write = (mine, from) => api.patch(`${path}/${id}`, mine, from.version) }) {
  let base = await api.get(`${path}/${id}`);
  const form = buildForm(fields, { onSubmit: () => save() });
  const stamp = h('p', { class: 'hint stamp' });
  const notice = h('p', { class: 'notice', role: 'status', hidden: true });
  const saveButton = h('button', { type: 'submit', class: 'primary' }, 'Save');
  form.element.append(h('div', { class: 'buttons' },
    h('button', { type: 'button', onclick: () => finish() }, 'Close'), saveButton));
  const describe = () => {
    stamp.textContent = `Version ${base.version} · last changed by ${base.last_modified_by ?? 'unknown'} ${ago(base.last_modified_at)}`;
  };

  const stopListening = events.on('entity.changed', (event) => {
    if (event.entity_type !== entityType || String(event.entity_id) !== String(id) || event.version <= base.version) return;
    const who = event.user_id === user()?.id ? 'You (in another window)' : event.by;
    notice.textContent = `${who} saved this record just now (version ${event.version}). Your changes are not lost: when you save, you will see what changed and decide.`;
    notice.hidden = false;
  });
  const stopDeleted = events.on('entity.deleted', (event) => {
    if (event.entity_type !== entityType || String(event.entity_id) !== String(id)) return;
    notice.textContent = `${event.by} deleted this record.`;
    notice.hidden = false;
  });
  const finish = () => { stopListening(); stopDeleted(); close(); };
  const { close, dialog } = openDialog({ title, className: 'editor', content: [stamp, notice, form.element,
    extra ? h('div', { class: 'extra' }, extra(base)) : null], onCancel: () => { stopListening(); stopDeleted(); } });
  await form.ready;
  form.set(base);
  describe();
  dialog.querySelector('input, select, textarea')?.focus();

  async function save() {
    form.clearErrors();
    const mine = form.changes();
    if (Object.keys(mine).length === 0) {
      announce('Nothing changed, nothing to save.');
      return;
    }
    saveButton.disabled = true;
    try {
      const saved = await write(mine, base);
      announce(`Saved the ${noun} (version ${saved.version}).`, 'success');
      finish();
      onSaved?.(saved);
    } catch (error) {
      if (error.conflict && error.problem.current) await resolve(error, mine);
      else form.showError(error);
    } finally {
      saveButton.disabled = false;
    }
  }

  // Refresh & retry: the record as saved now, with the user's own changes put back for review; saved only
  // when the user presses Save again.
  async function resolve(error, mine) {
    const answer = await showConflict({ error, mine, base, fields });
    if (answer !== 'retry') {
      form.element.querySelector('input, select, textarea')?.focus();
      return;
    }
    try {
      base = await api.get(`${path}/${id}`);
    } catch (e) {
      form.showError(e);
      return;
    }
    form.set(base);
    for (const [name, value] of Object.entries(mine)) form.put(name, value);
    for (const name of Object.keys(mine)) form.control(name).classList.add('reapplied');
    describe();
    notice.textContent = `Now editing version ${base.version}. Your changes (${Object.keys(mine).join(', ')}) are re-applied — check them and press Save.`;
    notice.hidden = false;
    saveButton.focus();
  }
}

/**
 * Opens a form that creates a record with POST. One Idempotency-Key per opened form: a double click or a
 * retry after a lost answer never creates two.
 */
export async function createRecord({ title, noun = 'record', path, fields, defaults = {}, onSaved }) {
  const key = uuid();
  const form = buildForm(fields, { onSubmit: () => save() });
  const saveButton = h('button', { type: 'submit', class: 'primary' }, 'Create');
  form.element.append(h('div', { class: 'buttons' },
    h('button', { type: 'button', onclick: () => close() }, 'Cancel'), saveButton));
  const { close } = openDialog({ title, className: 'editor', content: form.element });
  await form.ready;
  form.set(defaults);

  async function save() {
    form.clearErrors();
    const values = Object.fromEntries(Object.entries(form.read()).filter(([, v]) => v !== null));
    saveButton.disabled = true;
    try {
      const created = await api.post(path, values, { headers: { 'Idempotency-Key': key } });
      announce(`Created the ${noun}.`, 'success');
      close();
      onSaved?.(created);
    } catch (error) {
      form.showError(error);
    } finally {
      saveButton.disabled = false;
    }
  }
}
