/**
 * Words under the spinners a visitor sees before a story's own code runs: Storybook's manager shows a bare spinner
 * where the story will be (`#preview-loader`) until the preview's scripts have downloaded and run, and the preview its
 * own ("preparing story") until the story renders. Meanwhile the page's `crmkit-boot.js` is starting the demo CRM's
 * database, so both say so — "Starting the demo CRM in your browser…" — in the locale of the page's URL
 * (`globals=locale:vi-VN`), else the browser's language when it is one of the toolbar's, else English. Once the
 * preview runs, `SandboxGate.tsx` says the same in the story's own locale until the story shows.
 *
 * It is plain HTML for `managerHead` and `previewHead`: a custom property holding the text, shown by CSS as generated
 * content under the spinner, so nothing of it stays in the DOM a story's checks see.
 *
 * @example
 * // .storybook/main.ts
 * managerHead: (head) => `${head ?? ''}${preparingHead()}`,
 * previewHead: (head) => `${head ?? ''}${preparingHead()}`,
 */
import { en } from '../packages/ui/src/i18n/messages/demo/en.js';
import { th } from '../packages/ui/src/i18n/messages/demo/th.js';
import { vi } from '../packages/ui/src/i18n/messages/demo/vi.js';

const STARTING = { 'en-US': en['demo.starting'], 'vi-VN': vi['demo.starting'], 'th-TH': th['demo.starting'] };

/** The `<style>` and `<script>` for the preview's `<head>` (see the module's documentation). */
export function preparingHead(): string {
  return `<style>
  .sb-preparing-story::after,
  :has(> #preview-loader)::after {
    content: var(--crmkit-preparing, '');
    position: absolute;
    top: calc(50% + 32px);
    left: 0;
    right: 0;
    text-align: center;
    font-size: 15px;
    color: #525252;
  }
</style>
<script>
(function () {
  var starting = ${JSON.stringify(STARTING)};
  var m = /[?&]globals=(?:[^&]*?(?:;|%3B))?locale(?::|%3A)([\\w-]+)/.exec(location.search);
  var locale = m && starting[m[1]] ? m[1] : { vi: 'vi-VN', th: 'th-TH' }[(navigator.language || '').slice(0, 2)];
  var text = starting[locale] || starting['en-US'];
  document.documentElement.style.setProperty('--crmkit-preparing', JSON.stringify(text));
})();
</script>`;
}
