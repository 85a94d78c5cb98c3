/**
 * The pages' only script, served from /assets/app.js. Everything works without it; it adds
 * comfort: a copy button for links, a confirmation before destructive posts, focus on the error
 * summary, and hiding the USCC field unless an organisation is being created. Texts come from
 * data- attributes the server rendered in the page's language.
 */
export const appJs = /* js */ `(() => {
  'use strict';

  const summary = document.querySelector('[data-autofocus]');
  if (summary) summary.focus();

  for (const button of document.querySelectorAll('button[data-copy]')) {
    const input = document.getElementById(button.getAttribute('data-copy'));
    if (!input) continue;
    button.hidden = false;
    const label = button.textContent;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(input.value);
      } catch {
        input.focus();
        input.select();
        document.execCommand('copy');
      }
      button.textContent = button.getAttribute('data-copied') || label;
      setTimeout(() => { button.textContent = label; }, 2000);
    });
  }

  // A printable page's print button (the browser's own print works as well).
  for (const button of document.querySelectorAll('button[data-print]')) {
    button.addEventListener('click', () => window.print());
  }

  for (const input of document.querySelectorAll('[data-select-on-focus]')) {
    input.addEventListener('focus', () => input.select());
  }

  document.addEventListener('submit', (event) => {
    const form = event.target;
    const message = form instanceof HTMLFormElement ? form.getAttribute('data-confirm') : null;
    if (message && !window.confirm(message)) event.preventDefault();
  });

  // A form whose fields depend on a choice: [data-show-when="name=value"] follows the radio.
  for (const field of document.querySelectorAll('[data-show-when]')) {
    const [name, value] = field.getAttribute('data-show-when').split('=');
    const radios = document.querySelectorAll('input[type=radio][name="' + name + '"]');
    const update = () => {
      const chosen = Array.from(radios).find((r) => r.checked);
      field.hidden = !!chosen && chosen.value !== value && !field.querySelector('[aria-invalid]');
    };
    for (const radio of radios) radio.addEventListener('change', update);
    update();
  }

  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const open = document.querySelector('details.mobile-nav[open]');
    if (open) {
      open.removeAttribute('open');
      open.querySelector('summary').focus();
    }
  });
})();
`;
