// What the SAN grids edit: aliases (name, WWPN, fabric, host) and zones (name, fabric, members), with the
// controls for each field and the lookups they need (the project's aliases, the imported hosts).
import { h } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import { loadAll } from 'tandem/ui/bulk.js';
import { openDialog } from 'tandem/ui/dialog.js';

const text = (name, label, { placeholder, maxlength } = {}) => ({
  name, label,
  editor: (row, change, aria) => h('input', { type: 'text', value: row.value(name) ?? '', 'aria-label': aria, placeholder, maxlength,
    autocomplete: 'off', oninput: (e) => change(row, name, e.target.value === '' ? null : e.target.value) }),
});

const bySort = (a, b) => a.fabric.localeCompare(b.fabric) || a.name.localeCompare(b.name);

// ---- aliases ------------------------------------------------------------------------------------------------
let hosts = null; // [{id, label}] of every imported host; loaded once per visit

async function loadHosts(force) {
  if (hosts && !force) return;
  const systems = await loadAll('/api/storage');
  const lists = await Promise.all(systems.map((s) => api.get(`/api/storage/${s.id}/hosts`)
    .then((list) => list.map((host) => ({ id: host.id, label: `${host.name} (${s.name})` }))).catch(() => [])));
  hosts = lists.flat().sort((a, b) => a.label.localeCompare(b.label));
}

function hostSelect(row, change, aria) {
  const select = h('select', { 'aria-label': aria, onchange: (e) => change(row, 'host_id', e.target.value === '' ? null : Number(e.target.value)) });
  fillHosts(select, row.value('host_id'));
  return select;
}

function fillHosts(select, value) {
  const options = [...(hosts || [])];
  if (value !== null && value !== undefined && !options.some((o) => o.id === value)) options.push({ id: value, label: `Host #${value}` });
  select.replaceChildren(h('option', { value: '' }, '— no host —'), ...options.map((o) => h('option', { value: String(o.id) }, o.label)));
  select.value = value === null || value === undefined ? '' : String(value);
}

export const ALIASES = {
  noun: 'alias', plural: 'aliases', path: '/api/san/aliases', entityType: 'alias',
  fields: [
    text('name', 'Name', { maxlength: 128 }),
    text('wwpn', 'WWPN', { placeholder: '50:00:11:22:33:44:55:66', maxlength: 23 }),
    text('fabric', 'Fabric', { maxlength: 64 }),
    { name: 'host_id', label: 'Host', editor: hostSelect,
      sync: (row, select) => { if (select.options.length <= 1 && hosts?.length) fillHosts(select, row.value('host_id')); } },
  ],
  defaults: () => ({ name: null, wwpn: null, fabric: null, host_id: null }),
  sort: bySort,
  prepare: (projectId, force) => loadHosts(force),
  watch: ['host'],
};

// ---- zones --------------------------------------------------------------------------------------------------
let aliases = []; // the project's saved aliases, for choosing members

async function loadAliases(projectId) {
  aliases = (await loadAll('/api/san/aliases', { project_id: projectId })).sort(bySort);
}

const aliasName = (id) => aliases.find((a) => a.id === id)?.name ?? `#${id}`;

function membersEditor(row, change, aria) {
  const names = h('span', { class: 'members-names' });
  const button = h('button', { type: 'button', class: 'small', 'aria-label': `${aria}: edit`, onclick: () => chooseMembers(row, change) });
  const cell = h('span', { class: 'members' }, names, button);
  cell.focus = () => button.focus();
  syncMembers(row, cell);
  return cell;
}

function syncMembers(row, cell) {
  const members = row.value('members') || [];
  cell.querySelector('.members-names').textContent = members.length ? members.map(aliasName).join(', ') : 'none';
  cell.querySelector('button').textContent = `Edit (${members.length})`;
}

function chooseMembers(row, change) {
  const fabric = (row.value('fabric') || '').trim();
  const chosen = new Set(row.value('members') || []);
  // Aliases of the zone's fabric, and any member that is not (it must be taken out before the zone saves).
  const offered = aliases.filter((a) => a.fabric === fabric || chosen.has(a.id));
  const boxes = offered.map((a) => {
    const id = `member-${row.key}-${a.id}`;
    return h('div', { class: 'field check' }, h('label', { for: id }, `${a.name} `, h('small', {}, `${a.wwpn}${a.fabric !== fabric ? ` · fabric ${a.fabric}` : ''}`)),
      h('input', { type: 'checkbox', id, value: String(a.id), checked: chosen.has(a.id) }));
  });
  const apply = () => {
    const ids = [...dialog.querySelectorAll('input[type=checkbox]:checked')].map((b) => Number(b.value)).sort((x, y) => x - y);
    change(row, 'members', ids);
    close();
  };
  const { dialog, close } = openDialog({
    title: `Members of ${row.isNew ? 'the new zone' : row.base.name}`,
    content: [
      h('p', { class: 'hint' }, fabric ? `Aliases of fabric ${fabric} in this project.` : 'Give the zone a fabric first: members must be aliases of its fabric.'),
      h('fieldset', { class: 'members-choice' }, h('legend', { class: 'visually-hidden' }, 'Members'),
        boxes.length ? boxes : h('p', {}, 'No aliases to choose from.')),
      h('div', { class: 'buttons' }, h('button', { type: 'button', onclick: () => close() }, 'Cancel'),
        h('button', { type: 'button', class: 'primary', onclick: apply }, 'Apply')),
    ],
  });
}

export const ZONES = {
  noun: 'zone', plural: 'zones', path: '/api/san/zones', entityType: 'zone',
  fields: [
    text('name', 'Name', { maxlength: 128 }),
    text('fabric', 'Fabric', { maxlength: 64 }),
    { name: 'members', label: 'Members', editor: membersEditor, sync: syncMembers },
  ],
  defaults: () => ({ name: null, fabric: null, members: [] }),
  sort: bySort,
  prepare: (projectId) => loadAliases(projectId),
  watch: ['alias'],
};
