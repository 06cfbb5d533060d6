// The portfolio planner (seed 004): the resource-assignment calendar, and the master data as tabs —
// portfolios, programs, projects, phases, resources, workers, worker types, rates, actuals, scope and resource
// assignments. Address: #/portfolio/<tab>[/<from>/<weeks> for the calendar].
import { tabSet } from 'tandem/ui/tabs.js';
import { SECTIONS, lookups, renderSection } from './portfolio/sections.js';
import { renderCalendar } from './portfolio/calendar.js';

export default {
  render(root, params) {
    const [tab = 'calendar', ...rest] = params;
    const names = lookups();
    let calendar = null;
    const remember = (id, more = []) => history.replaceState(null, '', ['#/portfolio', id, ...more].join('/'));
    const guard = (event) => { if (calendar?.dirtyCount()) { event.preventDefault(); event.returnValue = ''; } };
    window.addEventListener('beforeunload', guard);
    const tabs = tabSet({
      label: 'Planner',
      selected: tab,
      onSelect: (id) => remember(id),
      tabs: [
        { id: 'calendar', title: 'Calendar', render: (panel) => {
          calendar = renderCalendar(panel, tab === 'calendar' ? rest : [], (state) => remember('calendar', state));
          return calendar.destroy;
        } },
        ...SECTIONS.map((section) => ({ id: section.id, title: section.title, render: (panel) => renderSection(section, panel, names) })),
      ],
    });
    root.append(tabs.element);
    return () => { window.removeEventListener('beforeunload', guard); tabs.destroy(); };
  },
};
