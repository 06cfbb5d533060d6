// Administration (ADMIN and MANAGER): users and roles, rack claims, conflict counts, the activity feed.
// One tab per job, each in its own module under admin/; the address says which tab is open (#/admin/<tab>),
// so a reload or a shared link lands on it. A tab is built when first opened and kept while the area is shown;
// the activity feed is built at once so that it collects changes from the moment the area opens.
import { h } from 'tandem/lib/dom.js';
import { hasRole } from 'tandem/lib/auth.js';
import { usersTab } from './admin/users.js';
import { claimsTab } from './admin/claims.js';
import { conflictsTab } from './admin/conflicts.js';
import { activityTab } from './admin/activity.js';

const TABS = [
  { id: 'users', title: 'Users', roles: ['ADMIN'], build: usersTab },
  { id: 'claims', title: 'Rack claims', roles: ['ADMIN', 'MANAGER'], build: claimsTab },
  { id: 'conflicts', title: 'Conflicts', roles: ['ADMIN'], build: conflictsTab },
  { id: 'activity', title: 'Activity', roles: ['ADMIN', 'MANAGER'], build: activityTab, eager: true },
];

export default {
  render(root, [requested] = []) {
    const tabs = TABS.filter((tab) => tab.roles.some(hasRole));
    const built = new Map();
    const buttons = new Map();
    const panels = new Map();
    const list = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Administration', onkeydown: arrowKeys });

    for (const tab of tabs) {
      const button = h('button', { type: 'button', role: 'tab', id: `admin-tab-${tab.id}`, 'aria-controls': `admin-panel-${tab.id}`,
        'aria-selected': 'false', tabindex: '-1', onclick: () => show(tab.id) }, tab.title);
      const panel = h('section', { id: `admin-panel-${tab.id}`, role: 'tabpanel', 'aria-labelledby': button.id, tabindex: '0', hidden: true });
      buttons.set(tab.id, button);
      panels.set(tab.id, panel);
      list.append(button);
    }
    root.append(list, ...panels.values());

    function build(tab) {
      if (built.has(tab.id)) return built.get(tab.id);
      const part = tab.build();
      panels.get(tab.id).append(part.element);
      built.set(tab.id, part);
      return part;
    }

    function show(id, focus = false) {
      const current = tabs.find((tab) => tab.id === id) || tabs[0];
      for (const tab of tabs) {
        const selected = tab === current;
        buttons.get(tab.id).setAttribute('aria-selected', String(selected));
        buttons.get(tab.id).tabIndex = selected ? 0 : -1;
        panels.get(tab.id).hidden = !selected;
      }
      const again = built.has(current.id);
      const part = build(current);
      if (again) part.shown?.();
      if (focus) buttons.get(current.id).focus();
      // The address follows the tab without a hashchange, which would rebuild the whole area.
      const hash = `#/admin/${current.id}`;
      if (location.hash !== hash) history.replaceState(null, '', hash);
    }

    function arrowKeys(event) {
      const index = tabs.findIndex((tab) => buttons.get(tab.id) === document.activeElement);
      if (index < 0) return;
      const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      show(tabs[(next + tabs.length) % tabs.length].id, true);
    }

    for (const tab of tabs.filter((t) => t.eager)) build(tab);
    show(requested);
    return () => built.forEach((part) => part.destroy?.());
  },
};
