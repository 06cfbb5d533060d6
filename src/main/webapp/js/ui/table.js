// A list screen's table: pages through the API's paging, sorts and filters on the server, shows who changed
// each row and how long ago, marks rows others changed in the last five minutes, and reloads by itself when
// the change stream reports a change to one of its entity types.
import { h, ago, display, debounce, recentlyChangedByOthers, announce } from 'tandem/lib/dom.js';
import * as api from 'tandem/lib/api.js';
import * as events from 'tandem/lib/events.js';
import { user } from 'tandem/lib/auth.js';

/**
 * Options: caption, path (a paged list endpoint answering {items, page, size, total}, or a plain array),
 * columns [{key, label, sortable, render(row) → node/text}], params() (extra query parameters),
 * entityTypes (change-stream types that reload it), onOpen(row) (row is clickable/keyboard-openable),
 * actions(row) → nodes, lastModified (default true), filter (default true), pageSize.
 * Answers {element, reload(), destroy()}.
 */
export function dataTable(options) {
  const { caption, path, columns, params = () => ({}), entityTypes = [], onOpen, actions,
    lastModified = true, filter = true, pageSize = 25, sortable = true } = options;
  const state = { page: 1, sort: options.sort || '', q: '', total: 0 };
  const filterInput = h('input', { type: 'search', placeholder: 'Filter…', 'aria-label': `Filter ${caption}`,
    oninput: debounce(() => { state.q = filterInput.value.trim(); state.page = 1; reload(); }, 300) });
  const status = h('span', { class: 'hint', role: 'status' });
  const body = h('tbody');
  const head = h('tr');
  const pager = h('nav', { class: 'pager', 'aria-label': `${caption} pages` });
  const allColumns = [...columns, ...(lastModified ? [
    { key: 'last_modified_by', label: 'Changed by', sortable: true },
    { key: 'last_modified_at', label: 'When', sortable: true, render: (row) => h('time', { datetime: row.last_modified_at, title: row.last_modified_at }, ago(row.last_modified_at)) },
  ] : [])];
  for (const column of allColumns) {
    const sortKey = column.sortKey || column.key;
    const canSort = sortable && column.sortable !== false && column.key;
    const th = h('th', { scope: 'col' }, canSort
      ? h('button', { type: 'button', class: 'sort', onclick: () => sortBy(sortKey) }, column.label)
      : column.label);
    th.dataset.key = sortKey;
    head.append(th);
  }
  if (actions) head.append(h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')));
  const table = h('table', { class: 'data' }, h('caption', { class: 'visually-hidden' }, caption), h('thead', {}, head), body);
  const element = h('div', { class: 'data-table' },
    h('div', { class: 'toolbar' }, filter ? filterInput : null, status), h('div', { class: 'scroll' }, table), pager);

  function sortBy(key) {
    state.sort = state.sort === key ? `-${key}` : key;
    reload();
  }

  function markSort() {
    for (const th of head.children) {
      const key = th.dataset.key;
      const sort = state.sort === key ? 'ascending' : state.sort === `-${key}` ? 'descending' : null;
      if (sort) th.setAttribute('aria-sort', sort); else th.removeAttribute('aria-sort');
    }
  }

  let loading = null;
  async function reload() {
    const url = api.query(path, { page: state.page, size: pageSize, sort: state.sort, q: state.q, ...params() });
    const mine = loading = api.get(url);
    let answer;
    try {
      answer = await mine;
    } catch (error) {
      if (mine === loading) status.textContent = error.message;
      return;
    }
    if (mine !== loading) return;
    const items = Array.isArray(answer) ? answer : answer.items;
    state.total = Array.isArray(answer) ? items.length : answer.total;
    render(items);
  }

  function render(items) {
    markSort();
    const me = user();
    body.replaceChildren(...items.map((row) => {
      const recent = lastModified && recentlyChangedByOthers(row, me);
      const tr = h('tr', { class: recent ? 'recent' : '', dataset: { id: row.id ?? '' } },
        allColumns.map((column, i) => {
          const value = column.render ? column.render(row) : display(row[column.key]);
          // The first cell opens the row: a real button, so it works from the keyboard.
          if (i === 0 && onOpen) return h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => onOpen(row) }, value),
            recent ? h('span', { class: 'badge', title: `Changed by ${row.last_modified_by} ${ago(row.last_modified_at)}` }, 'changed') : null);
          return h('td', {}, value);
        }),
        actions ? h('td', { class: 'actions' }, actions(row)) : null);
      return tr;
    }));
    if (!items.length) body.append(h('tr', {}, h('td', { colspan: allColumns.length + (actions ? 1 : 0), class: 'empty' },
      state.q ? 'Nothing matches the filter.' : 'Nothing here yet.')));
    const pages = Math.max(1, Math.ceil(state.total / pageSize));
    status.textContent = `${state.total} ${state.total === 1 ? 'row' : 'rows'}`;
    pager.replaceChildren(
      h('button', { type: 'button', disabled: state.page <= 1, onclick: () => { state.page -= 1; reload(); } }, 'Previous'),
      h('span', {}, `Page ${state.page} of ${pages}`),
      h('button', { type: 'button', disabled: state.page >= pages, onclick: () => { state.page += 1; reload(); } }, 'Next'));
  }

  const live = debounce(reload, 250);
  const unsubscribe = [
    events.on('entity.changed', (e) => { if (entityTypes.includes(e.entity_type)) live(); }),
    events.on('entity.deleted', (e) => { if (entityTypes.includes(e.entity_type)) live(); }),
    events.on('reset', () => live()),
  ];
  // "3 min ago" keeps moving without a reload.
  const ticker = setInterval(() => {
    for (const time of body.querySelectorAll('time[datetime]')) time.textContent = ago(time.getAttribute('datetime'));
  }, 15_000);
  reload().catch((e) => announce(e.message, 'error'));
  return { element, reload, destroy: () => { unsubscribe.forEach((u) => u()); clearInterval(ticker); } };
}
