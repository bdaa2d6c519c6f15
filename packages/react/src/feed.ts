/**
 * The change feed's exports (see `index.ts`): `applyEvent` and `holdLive`, apart from `base.ts`, so that a page that does not call it
 * loads it only with the first event.
 */
export { applyEvent, holdLive } from './live.js';
