/**
 * The change feed's export (see `index.ts`): `applyEvent`, apart from `base.ts`, so that a page that does not call it
 * loads it only with the first event.
 */
export { applyEvent } from './live.js';
