// Starts NHS.UK frontend's components (character count, error summary focus, header menu, ...).
// A module file, not an inline script: the Content-Security-Policy allows scripts from 'self' only.
// Without JavaScript every page and form still works; these are enhancements.
import { initAll } from '/nhsuk/nhsuk-frontend.min.js';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();
