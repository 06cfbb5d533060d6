// Modal dialogs on the native <dialog>: it traps focus and closes on Escape; focus goes back to whatever
// opened it, so keyboard users land where they were.
import { h } from 'tandem/lib/dom.js';

let counter = 0;

/**
 * Opens a modal. `content` is a node or array; `onCancel` runs when Escape is pressed (answer false from it to
 * keep the dialog open). Answers {dialog, close}.
 */
export function openDialog({ title, content, className = '', onCancel }) {
  const opener = document.activeElement;
  const headingId = `dialog-title-${++counter}`;
  const dialog = h('dialog', { class: className, 'aria-labelledby': headingId },
    h('h2', { id: headingId }, title), content);
  document.body.append(dialog);
  const close = () => {
    if (!dialog.isConnected) return;
    dialog.close();
    dialog.remove();
    if (opener && opener.isConnected) opener.focus();
  };
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    if (!onCancel || onCancel() !== false) close();
  });
  dialog.showModal();
  const first = dialog.querySelector('[autofocus], input:not([type=hidden]):not([disabled]), select, textarea, button');
  first?.focus();
  return { dialog, close };
}

/** Asks a yes/no question in a dialog (instead of confirm()); answers a promise of true/false. */
export function confirmDialog(title, question, yes = 'Yes') {
  return new Promise((resolve) => {
    const { close } = openDialog({ title, content: [
      h('p', {}, question),
      h('div', { class: 'buttons' },
        h('button', { type: 'button', onclick: () => { close(); resolve(false); } }, 'Cancel'),
        h('button', { type: 'button', class: 'primary', onclick: () => { close(); resolve(true); } }, yes)),
    ], onCancel: () => resolve(false) });
  });
}
