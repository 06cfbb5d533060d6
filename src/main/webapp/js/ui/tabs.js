// Tabs within an area (WAI-ARIA tabs pattern): arrow keys, Home and End move between tabs. A panel is built
// the first time its tab is shown and then kept, so unsaved edits in one tab survive a look at another.
import { h } from 'tandem/lib/dom.js';

let counter = 0;

/**
 * `tabs`: [{id, title, render(panel) → cleanup?}]; `selected`: the id shown first; `onSelect(id)` after a
 * change (e.g. to put it in the address). Answers {element, select(id), destroy()}.
 */
export function tabSet({ label, tabs, selected, onSelect }) {
  const prefix = `tabs${++counter}`;
  const cleanups = [];
  const built = new Set();
  const buttons = new Map();
  const panels = new Map();
  const list = h('div', { class: 'tabs', role: 'tablist', 'aria-label': label });
  const panelBox = h('div', { class: 'tab-panels' });
  for (const tab of tabs) {
    const button = h('button', { type: 'button', role: 'tab', id: `${prefix}-${tab.id}`, 'aria-controls': `${prefix}-${tab.id}-panel`,
      'aria-selected': 'false', tabindex: '-1', dataset: { tab: tab.id }, onclick: () => select(tab.id, true), onkeydown: keys }, tab.title);
    const panel = h('div', { role: 'tabpanel', id: `${prefix}-${tab.id}-panel`, 'aria-labelledby': button.id, tabindex: '0', hidden: true });
    buttons.set(tab.id, button);
    panels.set(tab.id, panel);
    list.append(button);
    panelBox.append(panel);
  }

  function keys(event) {
    const ids = tabs.map((t) => t.id);
    const at = ids.indexOf(event.currentTarget.dataset.tab);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: ids.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const id = ids[(next + ids.length) % ids.length];
    select(id, true);
    buttons.get(id).focus();
  }

  function select(id, byUser = false) {
    const tab = tabs.find((t) => t.id === id) || tabs[0];
    for (const [tabId, button] of buttons) {
      const on = tabId === tab.id;
      button.setAttribute('aria-selected', String(on));
      button.tabIndex = on ? 0 : -1;
      panels.get(tabId).hidden = !on;
    }
    if (!built.has(tab.id)) {
      built.add(tab.id);
      const cleanup = tab.render(panels.get(tab.id));
      if (typeof cleanup === 'function') cleanups.push(cleanup);
    }
    if (byUser) onSelect?.(tab.id);
  }

  select(selected);
  return { element: h('div', { class: 'tab-set' }, list, panelBox), select,
    destroy: () => cleanups.splice(0).forEach((c) => { try { c(); } catch (e) { console.error(e); } }) };
}
