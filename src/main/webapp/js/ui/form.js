// Forms described by a list of fields, so every screen labels its controls, shows the server's field errors
// next to the field and reads typed values the same way.
//
// A field: {name, label, type: text|textarea|number|date|datetime|select|checkbox|password, required,
//           options: [{value, label}] or async () => options (select), step, min, max, hint, readonly}.
import { h } from 'tandem/lib/dom.js';

let counter = 0;

/** The JSON value a control stands for: '' is null, numbers are numbers. */
export function valueOf(field, control) {
  if (field.type === 'checkbox') return control.checked;
  if (field.type === 'select') {
    const option = control.selectedOptions[0];
    return option && option.value !== '' ? option._value : null;
  }
  const raw = control.value;
  if (raw === '') return null;
  if (field.type === 'number') return Number(raw);
  if (field.type === 'datetime') return new Date(raw).toISOString();
  return raw;
}

function setValue(field, control, value) {
  if (field.type === 'checkbox') control.checked = !!value;
  else if (field.type === 'select') {
    const option = [...control.options].find((o) => same(o._value, value));
    control.value = option ? option.value : '';
  } else if (field.type === 'datetime') control.value = value ? toLocalInput(value) : '';
  else control.value = value === null || value === undefined ? '' : String(value);
}

function toLocalInput(iso) {
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Equal as JSON values, with '', null and undefined all meaning "empty". */
export function same(a, b) {
  const norm = (v) => (v === '' || v === undefined ? null : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

function control(field, id, errorId) {
  const common = { id, name: field.name, required: !!field.required, readonly: !!field.readonly,
    'aria-describedby': errorId, disabled: !!field.disabled };
  switch (field.type) {
    case 'textarea': return h('textarea', { ...common, rows: 3 });
    case 'select': return h('select', common);
    case 'checkbox': return h('input', { ...common, type: 'checkbox' });
    case 'number': return h('input', { ...common, type: 'number', step: field.step ?? 'any', min: field.min, max: field.max });
    case 'date': return h('input', { ...common, type: 'date' });
    case 'datetime': return h('input', { ...common, type: 'datetime-local' });
    case 'password': return h('input', { ...common, type: 'password', autocomplete: field.autocomplete || 'new-password' });
    default: return h('input', { ...common, type: 'text', maxlength: field.maxlength, autocomplete: 'off' });
  }
}

async function fillOptions(field, select) {
  const options = typeof field.options === 'function' ? await field.options() : field.options || [];
  select.replaceChildren(h('option', { value: '' }, field.required ? 'Choose…' : '—'));
  options.forEach((o, i) => {
    const option = h('option', { value: String(i) }, o.label);
    option._value = o.value;
    select.append(option);
  });
}

/**
 * Builds a form. Answers {element, ready, read(), set(values), control(name), showError(error), clearErrors()}.
 * `ready` resolves once select options are loaded.
 */
export function buildForm(fields, { onSubmit } = {}) {
  const controls = new Map();
  const errors = new Map();
  const rows = fields.map((field) => {
    const id = `f${++counter}-${field.name}`;
    const errorId = `${id}-error`;
    const input = control(field, id, errorId);
    controls.set(field.name, input);
    const error = h('p', { class: 'field-error', id: errorId, 'aria-live': 'polite' });
    errors.set(field.name, error);
    return h('div', { class: `field ${field.type === 'checkbox' ? 'check' : ''} ${field.type === 'textarea' ? 'wide' : ''}` },
      h('label', { for: id }, field.label, field.required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
      input, field.hint ? h('small', {}, field.hint) : null, error);
  });
  const general = h('p', { class: 'form-error', role: 'alert' });
  const element = h('form', { class: 'fields', novalidate: true,
    onsubmit: (event) => { event.preventDefault(); onSubmit?.(); } }, rows, general);
  // What each control showed when the values were last set: a field is the user's change only when its control
  // differs from that (comparing JSON values would flag a timestamp the control merely rounds).
  let shown = new Map();
  const raw = (name) => { const c = controls.get(name); return c.type === 'checkbox' ? c.checked : c.value; };
  const ready = Promise.all(fields.filter((f) => f.type === 'select').map((f) => fillOptions(f, controls.get(f.name))));
  return {
    element,
    ready,
    fields,
    /** Loads the options of the selects again (e.g. after a new choice was created). */
    reloadOptions: () => Promise.all(fields.filter((f) => f.type === 'select').map((f) => fillOptions(f, controls.get(f.name)))),
    control: (name) => controls.get(name),
    read() { return Object.fromEntries(fields.map((f) => [f.name, valueOf(f, controls.get(f.name))])); },
    set(values) {
      for (const f of fields) setValue(f, controls.get(f.name), values?.[f.name]);
      shown = new Map(fields.map((f) => [f.name, raw(f.name)]));
    },
    /** Sets one field as the user's own change (a re-applied edit after a conflict). */
    put(name, value) { setValue(fields.find((f) => f.name === name), controls.get(name), value); },
    /** The fields whose controls the user changed since the last set(), with their values. */
    changes() {
      return Object.fromEntries(fields.filter((f) => !f.readonly && raw(f.name) !== shown.get(f.name))
        .map((f) => [f.name, valueOf(f, controls.get(f.name))]));
    },
    clearErrors() {
      errors.forEach((e) => { e.textContent = ''; });
      controls.forEach((c) => c.removeAttribute('aria-invalid'));
      general.textContent = '';
    },
    /** Puts the server's message next to the field it names, else above the buttons. */
    showError(error) {
      const field = error.field?.split(/[.[]/)[0];
      if (field && errors.has(field)) {
        errors.get(field).textContent = error.message;
        controls.get(field).setAttribute('aria-invalid', 'true');
        controls.get(field).focus();
      } else {
        general.textContent = error.message;
      }
    },
  };
}
