// The planner's master data (seed 004): one list-and-editor section per versioned resource. Columns that
// point at another record show its name, kept current from the change stream.
import { display } from 'tandem/lib/dom.js';
import * as events from 'tandem/lib/events.js';
import { hasRole } from 'tandem/lib/auth.js';
import { crudSection, optionsFrom } from 'tandem/ui/crud.js';
import { loadAll } from 'tandem/ui/bulk.js';

/** Names of the records of one list endpoint, by id, reloaded when the change stream reports a change. */
class Names {
  constructor(path, entityType, label = (row) => row.name) {
    Object.assign(this, { path, entityType, label, map: new Map(), loading: null });
  }

  load() {
    this.loading ??= loadAll(this.path).then((rows) => { this.map = new Map(rows.map((r) => [r.id, this.label(r)])); })
      .finally(() => { this.loading = null; });
    return this.loading;
  }

  of(id) { return this.map.get(id) ?? (id === null || id === undefined ? '—' : `#${id}`); }
}

/** The lookups one visit of the planner shares. */
export function lookups() {
  return {
    portfolios: new Names('/api/portfolio/portfolios', 'portfolio'),
    programs: new Names('/api/portfolio/programs', 'program'),
    projects: new Names('/api/portfolio/projects', 'planned_project'),
    resources: new Names('/api/portfolio/resources', 'planning_resource'),
    workers: new Names('/api/portfolio/workers', 'worker'),
    workerTypes: new Names('/api/portfolio/worker-types', 'worker_type'),
  };
}

const text = (name, label, extra = {}) => ({ name, label, maxlength: 200, ...extra });
const date = (name, label, required = true) => ({ name, label, type: 'date', required });
const ref = (name, label, path, optionLabel) => ({ name, label, type: 'select', required: true, options: optionsFrom(path, optionLabel) });
const column = (key, label, render) => ({ key, label, render });
const refColumn = (key, label, names) => ({ key, label, render: (row) => names.of(row[key]) });
const money = (cents, currency) => `${(cents / 100).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency ?? ''}`;
const SCOPE_TYPES = ['portfolio', 'program', 'project'];

/** Every master-data tab: {id, title, noun, path, entityType, needs: [lookup names], columns(lookups), fields}. */
export const SECTIONS = [
  { id: 'portfolios', title: 'Portfolios', noun: 'portfolio', path: '/api/portfolio/portfolios', entityType: 'portfolio', needs: [],
    columns: () => [column('name', 'Name'), column('owner', 'Owner'), column('description', 'Description'), column('version', 'Version')],
    fields: [text('name', 'Name', { required: true }), text('owner', 'Owner'), { name: 'description', label: 'Description', type: 'textarea' }] },
  { id: 'programs', title: 'Programs', noun: 'program', path: '/api/portfolio/programs', entityType: 'program', needs: ['portfolios'],
    columns: (l) => [column('name', 'Name'), refColumn('portfolio_id', 'Portfolio', l.portfolios), column('description', 'Description'), column('version', 'Version')],
    fields: [ref('portfolio_id', 'Portfolio', '/api/portfolio/portfolios'), text('name', 'Name', { required: true }),
      { name: 'description', label: 'Description', type: 'textarea' }] },
  { id: 'projects', title: 'Projects', noun: 'project', path: '/api/portfolio/projects', entityType: 'planned_project', needs: ['programs'],
    columns: (l) => [column('name', 'Name'), refColumn('program_id', 'Program', l.programs), column('status', 'Status'),
      column('start_date', 'Start'), column('end_date', 'End'), column('version', 'Version')],
    fields: [ref('program_id', 'Program', '/api/portfolio/programs'), text('name', 'Name', { required: true }),
      text('status', 'Status', { maxlength: 32, hint: 'e.g. planned, active, on hold, done' }), date('start_date', 'Start'), date('end_date', 'End', false)] },
  { id: 'phases', title: 'Phases', noun: 'phase', path: '/api/portfolio/project-phases', entityType: 'project_phase', needs: ['projects'],
    columns: (l) => [column('name', 'Name'), refColumn('project_id', 'Project', l.projects), column('start_date', 'Start'),
      column('end_date', 'End'), column('version', 'Version')],
    fields: [ref('project_id', 'Project', '/api/portfolio/projects'), text('name', 'Name', { required: true }), date('start_date', 'Start'), date('end_date', 'End', false)] },
  { id: 'resources', title: 'Resources', noun: 'resource', path: '/api/portfolio/resources', entityType: 'planning_resource', needs: [],
    columns: () => [column('name', 'Name'), column('kind', 'Kind'), column('capacity_hours_per_week', 'Hours a week'), column('version', 'Version')],
    fields: [text('name', 'Name', { required: true }), text('kind', 'Kind', { required: true, maxlength: 32, hint: 'e.g. person, team, equipment' }),
      { name: 'capacity_hours_per_week', label: 'Capacity (hours a week)', type: 'number', min: 0, max: 168, step: 1 }] },
  { id: 'workers', title: 'Workers', noun: 'worker', path: '/api/portfolio/workers', entityType: 'worker', needs: ['workerTypes'],
    columns: (l) => [column('name', 'Name'), refColumn('worker_type_id', 'Worker type', l.workerTypes), column('email', 'E-mail'), column('version', 'Version')],
    fields: [ref('worker_type_id', 'Worker type', '/api/portfolio/worker-types'), text('name', 'Name', { required: true }), text('email', 'E-mail')] },
  { id: 'worker-types', title: 'Worker types', noun: 'worker type', path: '/api/portfolio/worker-types', entityType: 'worker_type', needs: [],
    columns: () => [column('name', 'Name'), column('description', 'Description'), column('version', 'Version')],
    fields: [text('name', 'Name', { required: true }), { name: 'description', label: 'Description', type: 'textarea' }] },
  { id: 'rates', title: 'Rates', noun: 'rate', path: '/api/portfolio/rates', entityType: 'rate', needs: ['workerTypes'],
    columns: (l) => [refColumn('worker_type_id', 'Worker type', l.workerTypes),
      column('amount_cents', 'Rate', (r) => money(r.amount_cents, r.currency)), column('valid_from', 'Valid from'), column('version', 'Version')],
    fields: [ref('worker_type_id', 'Worker type', '/api/portfolio/worker-types'),
      { name: 'amount_cents', label: 'Amount (cents)', type: 'number', required: true, min: 0, max: 100000000, step: 1, hint: '9500 is 95.00' },
      text('currency', 'Currency', { required: true, maxlength: 3, hint: 'ISO code, e.g. EUR' }), date('valid_from', 'Valid from')] },
  { id: 'actuals', title: 'Actuals', noun: 'actual', path: '/api/portfolio/actuals', entityType: 'actual', needs: ['projects', 'workers'],
    columns: (l) => [column('work_date', 'Date'), refColumn('worker_id', 'Worker', l.workers), refColumn('project_id', 'Project', l.projects),
      column('hours', 'Hours'), column('version', 'Version')],
    fields: [ref('project_id', 'Project', '/api/portfolio/projects'), ref('worker_id', 'Worker', '/api/portfolio/workers'),
      date('work_date', 'Date'), { name: 'hours', label: 'Hours', type: 'number', required: true, min: 1, max: 24, step: 1 }] },
  { id: 'scope-assignments', title: 'Scope assignments', noun: 'scope assignment', path: '/api/portfolio/scope-assignments', entityType: 'scope_assignment',
    needs: ['portfolios', 'programs', 'projects'],
    columns: (l) => [column('user_id', 'User'), column('role', 'Role'), column('scope_type', 'Scope'),
      column('scope_id', 'Of', (s) => ({ portfolio: l.portfolios, program: l.programs, project: l.projects })[s.scope_type]?.of(s.scope_id) ?? display(s.scope_id)),
      column('version', 'Version')],
    fields: [
      // Only administrators may list users; everyone else gives the user's number.
      hasRole('ADMIN') ? ref('user_id', 'User', '/api/users', (u) => `${u.first_name} ${u.last_name} (${u.username})`)
        : { name: 'user_id', label: 'User number', type: 'number', required: true, min: 1, step: 1 },
      { name: 'scope_type', label: 'Scope', type: 'select', required: true, options: SCOPE_TYPES.map((t) => ({ value: t, label: t })) },
      { name: 'scope_id', label: 'Number of the portfolio, program or project', type: 'number', required: true, min: 1, step: 1 },
      text('role', 'Role', { required: true, maxlength: 32, hint: 'e.g. owner, manager, member, viewer' })] },
  { id: 'resource-assignments', title: 'Resource assignments', noun: 'resource assignment', path: '/api/portfolio/resource-assignments',
    entityType: 'resource_assignment', needs: ['resources', 'projects'],
    columns: (l) => [refColumn('resource_id', 'Resource', l.resources), refColumn('project_id', 'Project', l.projects),
      column('start_date', 'Start'), column('end_date', 'End'), column('allocation_percent', 'Allocation %'), column('version', 'Version')],
    fields: [ref('resource_id', 'Resource', '/api/portfolio/resources'), ref('project_id', 'Project', '/api/portfolio/projects'),
      date('start_date', 'Start'), date('end_date', 'End'),
      { name: 'allocation_percent', label: 'Allocation %', type: 'number', required: true, min: 1, max: 100, step: 1 }] },
];

/** Renders one section into `panel` once its lookups are loaded; answers the cleanup. */
export function renderSection(section, panel, names) {
  let crud = null;
  let gone = false;
  const needed = section.needs.map((n) => names[n]);
  const stop = events.on('entity.changed', (e) => {
    const lookup = needed.find((n) => n.entityType === e.entity_type);
    if (lookup) lookup.load().then(() => crud?.table.reload()).catch(() => {});
  });
  Promise.all(needed.map((n) => n.load())).catch(() => {}).then(() => {
    if (gone) return;
    crud = crudSection({ caption: section.title, noun: section.noun, path: section.path, entityType: section.entityType,
      columns: section.columns(names), fields: section.fields });
    panel.append(crud.element);
  });
  return () => { gone = true; stop(); crud?.destroy(); };
}

