/**
 * The contract editor's recosting, served from /assets/contract-editor.js and loaded only by the
 * editor (a <script src>, no inline script, so the CSP stays `script-src 'self'`). Without it the
 * "重新计算" button does the same by a full post. On input (300 ms after the last keystroke) it
 * posts the whole form (FormData, `_csrf` included) to the form's `data-recost` address, which
 * answers the costing as slots; each slot replaces the element with its id, and the live region
 * reads out the new count of findings. Only the latest answer is applied. It also sends the names
 * of the fields the user has left (_touched), so the costing shows the errors of those only:
 * a form just opened is not covered in red before anything is typed.
 */
export const contractEditorJs = /* js */ `(() => {
  'use strict';
  const form = document.querySelector('form[data-recost]');
  if (!form) return;
  const url = form.getAttribute('data-recost');
  const status = document.querySelector('[data-costing-status]');
  let timer = 0;
  let latest = 0;
  const touched = new Set();

  const recost = async () => {
    const ticket = ++latest;
    const body = new FormData(form);
    body.delete('action');
    for (const name of touched) body.append('_touched', name);
    try {
      const response = await fetch(url, { method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'text/html' } });
      if (!response.ok || ticket !== latest) return;
      const template = document.createElement('template');
      template.innerHTML = await response.text();
      const root = template.content.firstElementChild;
      if (!root) return;
      for (const slot of Array.from(root.querySelectorAll('[data-costing-slot]'))) {
        const here = document.getElementById(slot.id);
        if (here) here.replaceWith(slot);
      }
      if (status) status.textContent = root.getAttribute('data-announce') || '';
    } catch {
      // Offline or refused: the page still works; "重新计算" posts the form.
    }
  };

  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(recost, 300);
  };
  form.addEventListener('input', later);
  form.addEventListener('change', later);
  form.addEventListener('focusout', (event) => {
    const name = event.target && event.target.name;
    if (!name || name.startsWith('_') || touched.has(name)) return;
    touched.add(name);
    later();
  });
})();
`;
