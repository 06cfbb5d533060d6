// Conflict counts per entity type (ADMIN): how often a save met a newer version, so an administrator sees where
// people edit the same records at once. Read from GET /api/admin/conflicts; a server without that endpoint
// gets a plain "not available" instead of an error.
import { h, ago, dateTime } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';

const typeName = (type) => type.replace(/_/g, ' ');

// Set through the CSSOM, not a style attribute, so a strict Content-Security-Policy keeps allowing it.
function bar(share) {
  const element = h('span', { class: 'bar' });
  element.style.width = `${Math.max(2, Math.round(100 * share))}%`;
  return element;
}

export function conflictsTab() {
  const content = h('div', { class: 'conflict-counts', 'aria-live': 'polite', 'aria-busy': 'true' }, h('p', { class: 'hint' }, 'Loading…'));
  const element = h('div', { class: 'admin-conflicts' },
    h('div', { class: 'section-head' }, h('h2', {}, 'Conflicts per entity type'),
      h('button', { type: 'button', onclick: () => load() }, 'Refresh')),
    h('p', { class: 'hint' }, 'Each count is a save refused because someone else had saved the record first. Many conflicts on one type mean people often edit the same records at once.'),
    content);

  async function load() {
    content.setAttribute('aria-busy', 'true');
    try {
      render((await api.get('/api/admin/conflicts')).conflicts || []);
    } catch (error) {
      content.replaceChildren(error.status === 404 || error.status === 405
        ? h('p', { class: 'notice' }, 'Conflict counts are not available on this server yet (it has no /api/admin/conflicts).')
        : h('p', { class: 'form-error' }, `Conflict counts could not be loaded: ${error.message}`));
    } finally {
      content.setAttribute('aria-busy', 'false');
    }
  }

  function render(rows) {
    if (!rows.length) {
      content.replaceChildren(h('p', { class: 'hint' }, 'No conflicts so far.'));
      return;
    }
    const sorted = [...rows].sort((a, b) => b.count - a.count || a.entity_type.localeCompare(b.entity_type));
    const total = sorted.reduce((sum, row) => sum + row.count, 0);
    const most = sorted[0].count;
    const withLast = sorted.some((row) => row.last_conflict_at);
    content.replaceChildren(h('div', { class: 'scroll' }, h('table', { class: 'data' },
      h('caption', { class: 'visually-hidden' }, 'Conflicts per entity type'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Entity type'), h('th', { scope: 'col', class: 'num' }, 'Conflicts'),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Share')), withLast ? h('th', { scope: 'col' }, 'Last one') : null)),
      h('tbody', {}, sorted.map((row) => h('tr', { dataset: { type: row.entity_type } },
        h('th', { scope: 'row' }, typeName(row.entity_type)),
        h('td', { class: 'num' }, String(row.count)),
        h('td', { class: 'bar-cell', 'aria-hidden': 'true' }, bar(row.count / most)),
        withLast ? h('td', {}, row.last_conflict_at ? h('time', { datetime: row.last_conflict_at, title: dateTime(row.last_conflict_at) }, ago(row.last_conflict_at)) : '—') : null))),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, 'All types'), h('td', { class: 'num' }, String(total)), h('td'), withLast ? h('td') : null)))));
  }

  // Conflicts send no event (nothing was saved): the counts are read again now and then while the tab is shown.
  const refresher = setInterval(() => { if (!document.hidden && element.isConnected && !element.closest('[hidden]')) load(); }, 30_000);
  load();
  return { element, shown: load, destroy: () => clearInterval(refresher) };
}
