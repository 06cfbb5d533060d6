// SAN zones & aliases per project (seeds 000/001): pick a customer and project (the user's active project
// first), then edit that project's zones and aliases in grids saved in bulk, with partial success shown row by
// row. Address: #/san/<project id>/<zones|aliases>.
import { h, announce } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import { loadAll } from 'tandem/ui/bulk.js';
import { tabSet } from 'tandem/ui/tabs.js';
import { confirmDialog } from 'tandem/ui/dialog.js';
import { sanGrid } from './san/grid.js';
import { ZONES, ALIASES } from './san/kinds.js';

const TABS = { zones: ZONES, aliases: ALIASES };

function picker(customers, projects, projectId, onProject) {
  const project = projects.find((p) => p.id === projectId);
  const customerSelect = h('select', { id: 'san-customer' }, h('option', { value: '' }, 'Choose a customer…'),
    customers.map((c) => h('option', { value: String(c.id), selected: c.id === project?.customer_id }, c.name)));
  const projectSelect = h('select', { id: 'san-project' });
  const own = () => projects.filter((p) => p.customer_id === (Number(customerSelect.value) || null));
  const fill = () => {
    projectSelect.replaceChildren(h('option', { value: '' }, customerSelect.value ? 'Choose a project…' : '—'),
      ...own().map((p) => h('option', { value: String(p.id), selected: p.id === projectId }, p.name)));
    projectSelect.disabled = !customerSelect.value;
  };
  const pick = () => { if (projectSelect.value) onProject(Number(projectSelect.value)); };
  fill();
  // A customer with a single project needs no second choice.
  customerSelect.addEventListener('change', () => { fill(); if (own().length === 1) { projectSelect.value = String(own()[0].id); pick(); } });
  projectSelect.addEventListener('change', pick);
  return h('div', { class: 'toolbar san-picker' },
    h('div', { class: 'field' }, h('label', { for: 'san-customer' }, 'Customer'), customerSelect),
    h('div', { class: 'field' }, h('label', { for: 'san-project' }, 'Project'), projectSelect));
}

export default {
  render(root, params) {
    const [projectParam, tabParam] = params;
    const grids = [];
    let tabs = null;
    let gone = false;
    const dirty = () => grids.reduce((n, g) => n + g.dirtyCount(), 0);
    const guard = (event) => { if (dirty()) { event.preventDefault(); event.returnValue = ''; } };
    window.addEventListener('beforeunload', guard);
    root.append(h('p', { class: 'hint' }, 'Edit rows in place and save them together. Each row says whether it was saved; '
      + 'rows someone else saved meanwhile are not overwritten — refresh them, check, and retry.'));

    (async () => {
      let customers; let projects; let config;
      try {
        [customers, projects, config] = await Promise.all([loadAll('/api/core/customers'), loadAll('/api/core/projects'),
          api.get('/api/core/user-config')]);
      } catch (error) {
        root.append(h('p', { class: 'form-error', role: 'alert' }, `Customers and projects could not be loaded: ${error.message}`));
        return;
      }
      if (gone) return;
      customers.sort((a, b) => a.name.localeCompare(b.name));
      projects.sort((a, b) => a.name.localeCompare(b.name));
      const projectId = Number(projectParam) || config.active_project_id || null;
      const project = projects.find((p) => p.id === projectId);
      const tab = TABS[tabParam] ? tabParam : 'zones';
      const go = async (id) => {
        const count = dirty();
        if (count && !await confirmDialog('Unsaved changes', `${count} ${count === 1 ? 'row has' : 'rows have'} unsaved changes. Switch project and discard them?`, 'Discard and switch')) {
          root.querySelector('#san-project').value = projectId ? String(projectId) : '';
          return;
        }
        location.hash = `#/san/${id}/${tab}`;
      };
      root.append(picker(customers, projects, projectId, go));
      if (!project) {
        root.append(h('p', { class: 'notice' }, projectId ? `Project ${projectId} does not exist (any more). Choose another one.`
          : 'Choose a customer and a project to see its zones and aliases. Your active project (top of the page) is chosen by default.'));
        return;
      }
      const customer = customers.find((c) => c.id === project.customer_id);
      root.append(h('h2', { class: 'visually-hidden' }, `${customer?.name ?? ''} · ${project.name}`));
      tabs = tabSet({
        label: 'Zones and aliases',
        selected: tab,
        tabs: Object.entries(TABS).map(([id, kind]) => ({ id, title: kind === ZONES ? 'Zones' : 'Aliases', render: (panel) => {
          const grid = sanGrid({ kind, projectId });
          grids.push(grid);
          panel.append(grid.element);
          return grid.destroy;
        } })),
        onSelect: (id) => history.replaceState(null, '', `#/san/${projectId}/${id}`),
      });
      root.append(tabs.element);
      if (!projectParam) history.replaceState(null, '', `#/san/${projectId}/${tab}`);
    })().catch((error) => announce(error.message, 'error'));

    return () => {
      gone = true;
      window.removeEventListener('beforeunload', guard);
      tabs?.destroy();
    };
  },
};
