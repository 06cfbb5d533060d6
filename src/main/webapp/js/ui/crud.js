// A whole list-and-edit screen for one versioned resource: the table, "New …", the editor, delete with the
// version the user saw. Most areas are one call of this with their columns and fields.
import { h, announce } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import { isManager } from 'tandem/lib/auth.js';
import { dataTable } from './table.js';
import { editRecord, createRecord } from './editor.js';
import { confirmDialog } from './dialog.js';

/**
 * Options: title (a heading; leave it out when the area's own heading says it), caption (the table's name for
 * screen readers, default title), noun (e.g. 'storage system'), path, entityType, columns, fields (editable), createFields
 * (default: fields), defaults() for a new one, params() extra list query, canDelete (default: managers),
 * extra(record) for the editor, intro (a sentence under the heading).
 * Answers {element, table, destroy()}.
 */
export function crudSection(options) {
  const { title, caption = title, noun, path, entityType, columns, fields, createFields = fields, defaults = () => ({}),
    params, extra, intro, headingLevel = 'h2', canCreate = true } = options;
  const canDelete = options.canDelete ?? isManager();
  const edit = (row) => editRecord({ title: `Edit ${noun}`, noun, path, id: row.id, fields, entityType, extra,
    onSaved: () => table.reload() }).catch((e) => announce(e.message, 'error'));
  const remove = async (row) => {
    if (!await confirmDialog(`Delete ${noun}`, `Delete ${noun} “${row.name ?? row.id}” (version ${row.version})?`, 'Delete')) return;
    try {
      await api.del(`${path}/${row.id}`, { headers: { 'If-Match': `"${row.version}"` } });
      announce(`Deleted ${noun}.`, 'success');
    } catch (error) {
      announce(error.conflict ? `Not deleted: ${error.message}` : error.message, 'error');
    }
    table.reload();
  };
  const table = dataTable({ caption, path, columns, params, entityTypes: [entityType], onOpen: edit,
    actions: canDelete ? (row) => h('button', { type: 'button', class: 'danger small', 'aria-label': `Delete ${row.name ?? row.id}`,
      onclick: () => remove(row) }, 'Delete') : null });
  const create = () => createRecord({ title: `New ${noun}`, noun, path, fields: createFields, defaults: defaults(),
    onSaved: () => table.reload() }).catch((e) => announce(e.message, 'error'));
  const element = h('section', { class: 'crud' },
    h('div', { class: 'section-head' }, title ? h(headingLevel, {}, title) : h('span'),
      canCreate ? h('button', { type: 'button', class: 'primary', onclick: create }, `New ${noun}`) : null),
    intro ? h('p', { class: 'hint' }, intro) : null,
    table.element);
  return { element, table, destroy: table.destroy };
}

/** Options for a select from a list endpoint: [{value: id, label}] (first 500). */
export function optionsFrom(path, label = (row) => row.name) {
  return async () => {
    const answer = await api.get(api.query(path, { size: 500 }));
    return (Array.isArray(answer) ? answer : answer.items).map((row) => ({ value: row.id, label: label(row) }));
  };
}
