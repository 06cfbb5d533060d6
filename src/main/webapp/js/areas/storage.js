// Storage systems (seed 000): the list with last-modified indicators, the editor with conflict handling, and
// each system's hosts and volumes with the inventory import (a JSON document, e.g. from Storage Insights).
import { h, announce, display } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import { crudSection } from 'tandem/ui/crud.js';
import { openDialog } from 'tandem/ui/dialog.js';

export const FIELDS = [
  { name: 'name', label: 'Name', required: true, maxlength: 255 },
  { name: 'vendor', label: 'Vendor' },
  { name: 'model', label: 'Model' },
  { name: 'serial_number', label: 'Serial number' },
  { name: 'location', label: 'Location' },
  { name: 'notes', label: 'Notes', type: 'textarea' },
];

function inventory(system) {
  const hosts = h('div', {}, h('p', { class: 'hint' }, 'Loading hosts…'));
  const volumes = h('div');
  const load = async () => {
    try {
      const [hostList, volumeList] = await Promise.all([api.get(`/api/storage/${system.id}/hosts`), api.get(`/api/storage/${system.id}/volumes`)]);
      hosts.replaceChildren(h('h3', {}, `Hosts (${hostList.length})`), simpleTable('Hosts', hostList, ['external_id', 'name', 'os', 'wwpns']));
      volumes.replaceChildren(h('h3', {}, `Volumes (${volumeList.length})`), simpleTable('Volumes', volumeList, ['external_id', 'name', 'capacity_gb', 'host_external_id']));
    } catch (error) {
      hosts.replaceChildren(h('p', { class: 'form-error' }, error.message));
    }
  };
  load();
  return [hosts, volumes, h('button', { type: 'button', onclick: () => importDialog(system, load) }, 'Import inventory…')];
}

function simpleTable(caption, rows, keys) {
  if (!rows.length) return h('p', { class: 'hint' }, 'None.');
  return h('div', { class: 'scroll' }, h('table', { class: 'data compact' }, h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, keys.map((k) => h('th', { scope: 'col' }, k.replace(/_/g, ' '))))),
    h('tbody', {}, rows.map((row) => h('tr', {}, keys.map((k) => h('td', {}, display(row[k]))))))));
}

function importDialog(system, reload) {
  const id = 'import-document';
  const text = h('textarea', { id, rows: 10, 'aria-describedby': `${id}-hint` });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const run = async () => {
    error.textContent = '';
    let document;
    try { document = JSON.parse(text.value); } catch { error.textContent = 'This is not valid JSON.'; return; }
    try {
      const summary = await api.post(`/api/storage/${system.id}/import`, document);
      close();
      announce(`Imported: hosts ${summary.hosts.created} new, ${summary.hosts.updated} updated; volumes ${summary.volumes.created} new, ${summary.volumes.updated} updated.`, 'success');
      reload();
    } catch (e) {
      error.textContent = e.field ? `${e.field}: ${e.message}` : e.message;
    }
  };
  const { close } = openDialog({ title: `Import inventory into ${system.name}`, content: [
    h('div', { class: 'field wide' }, h('label', { for: id }, 'Inventory document (JSON)'), text,
      h('small', { id: `${id}-hint` }, '{"hosts": [{"external_id", "name", "os", "wwpns"}], "volumes": [{"external_id", "name", "capacity_gb", "host_external_id"}]} — importing the same document twice changes nothing.')),
    error,
    h('div', { class: 'buttons' }, h('button', { type: 'button', onclick: () => close() }, 'Cancel'),
      h('button', { type: 'button', class: 'primary', onclick: run }, 'Import')),
  ] });
}

export default {
  render(root) {
    const section = crudSection({
      caption: 'Storage systems', noun: 'storage system', path: '/api/storage', entityType: 'storage_system',
      intro: 'Rows marked “changed” were saved by someone else in the last five minutes; the list updates by itself.',
      columns: [
        { key: 'name', label: 'Name' }, { key: 'vendor', label: 'Vendor' }, { key: 'model', label: 'Model' },
        { key: 'location', label: 'Location' }, { key: 'version', label: 'Version' },
      ],
      fields: FIELDS,
      extra: inventory,
    });
    root.append(section.element);
    return section.destroy;
  },
};
