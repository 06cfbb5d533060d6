// The conflict dialog (seeds 000/001/004): someone saved the record after the user opened it. It shows, for
// each field the user changed, their value, the value saved now and who changed it when (from the problem's
// changes_since), and lists what others changed that the user did not touch. Nothing is saved from here:
// "Refresh & retry" reloads the record and re-applies only the user's own changes in the editor for review;
// "Cancel" goes back to the editor as it was.
import { h, ago, display } from 'tandem/lib/dom.js';
import { openDialog } from './dialog.js';
import { same } from './form.js';

const label = (fields, name) => fields.find((f) => f.name === name)?.label || name;

/** The newest change of `field` among the problem's changes_since. */
function lastChange(problem, field) {
  return [...(problem.changes_since || [])].filter((c) => c.field === field)
    .sort((a, b) => b.version - a.version)[0] || null;
}

function shown(fields, name, value) {
  const field = fields.find((f) => f.name === name);
  if (field?.format) return field.format(value);
  if (field?.type === 'checkbox') return value ? 'yes' : 'no';
  return display(value);
}

/**
 * Answers a promise of 'retry' or 'cancel'. `mine` holds only the fields the user changed, `base` the record
 * as the user first saw it, `fields` the editor's field list.
 */
export function showConflict({ error, mine, base, fields }) {
  const problem = error.problem;
  const current = problem.current || {};
  const who = (change) => (change ? `${change.modified_by}, ${ago(change.modified_at)}` : '');
  const rows = Object.entries(mine).map(([name, value]) => {
    const change = lastChange(problem, name);
    const clash = !same(current[name], base[name]) && !same(current[name], value);
    return h('tr', { class: clash ? 'clash' : '' },
      h('th', { scope: 'row' }, label(fields, name)),
      h('td', {}, shown(fields, name, value)),
      h('td', {}, shown(fields, name, current[name]), clash ? h('strong', { class: 'badge' }, ' changed') : ''),
      h('td', {}, change ? who(change) : 'not changed by others'));
  });
  const others = Object.keys(current).filter((name) => fields.some((f) => f.name === name) && !(name in mine)
    && !same(current[name], base[name]));
  const truncated = problem.changes_since_truncated
    ? h('p', { class: 'hint' }, `Showing the newest ${problem.changes_since.length} of ${problem.changes_since_total} changes.`) : null;

  return new Promise((resolve) => {
    const done = (answer) => { close(); resolve(answer); };
    const { close } = openDialog({
      title: 'Someone else saved this first',
      className: 'conflict',
      onCancel: () => resolve('cancel'),
      content: [
        h('p', { class: 'lead' }, problem.message || error.message),
        h('p', { class: 'hint' }, `You started from version ${base.version}; version ${problem.current_version ?? current.version} is saved now. Nothing of yours was saved.`),
        h('div', { class: 'scroll' }, h('table', { class: 'data' },
          h('caption', {}, 'Your changes'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Yours'),
            h('th', { scope: 'col' }, 'Saved now'), h('th', { scope: 'col' }, 'Changed by'))),
          h('tbody', {}, rows))),
        others.length ? h('div', {}, h('h3', {}, 'Also changed by others (kept as they are)'),
          h('ul', {}, others.map((name) => h('li', {}, `${label(fields, name)}: ${shown(fields, name, current[name])}`,
            lastChange(problem, name) ? ` (${who(lastChange(problem, name))})` : '')))) : null,
        truncated,
        h('div', { class: 'buttons' },
          h('button', { type: 'button', onclick: () => done('cancel') }, 'Cancel'),
          h('button', { type: 'button', class: 'primary', autofocus: true, onclick: () => done('retry') }, 'Refresh & retry')),
      ],
    });
  });
}
