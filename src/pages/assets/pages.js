// Small enhancements shared by every page; each page works without them.
'use strict';

document.documentElement.classList.add('js');

// A form sent twice answers 409 the second time (a pledge is signed once): disable its submit
// button while the first request is on its way, and say so.
// Disabled only once the browser has read the form: a disabled button would not send its own
// name and value (`<button name="status" value="CONFIRMED">`).
document.addEventListener('submit', (event) => {
  const form = event.target;
  // A form whose own script sends it (the door app) keeps its buttons as that script decides.
  if (!(form instanceof HTMLFormElement) || event.defaultPrevented) return;
  setTimeout(() => {
    for (const button of form.querySelectorAll('button[type="submit"], button:not([type])')) {
      button.disabled = true;
      if (button.dataset.sending) button.textContent = button.dataset.sending;
    }
  }, 0);
});

// Coming back with the browser's Back button shows the page as it was left: enable the buttons again.
window.addEventListener('pageshow', (event) => {
  if (!event.persisted) return;
  for (const button of document.querySelectorAll('button[disabled]')) button.disabled = false;
});

// A form shown again with errors: move the focus to the list of errors, so a screen reader reads it
// and a phone scrolls to it.
const summary = document.querySelector('.error-summary');
if (summary instanceof HTMLElement) summary.focus();
