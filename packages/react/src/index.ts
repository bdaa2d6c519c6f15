/**
 * `@crmkit/react`: headless React hooks for crmkit — a provider, query keys and `queryOptions` builders, record, list,
 * timeline, pipeline and ticket-queue hooks, optimistic mutations with exact rollback and conflict states, a live
 * cache fed by the change feed, and locale-bound formatting. No styling, no DOM assumptions.
 *
 * @example
 * <CrmProvider client={createCrmClient({ baseUrl, auth: { getToken } })} locale="vi-VN">
 *   <MyContactList />
 * </CrmProvider>
 */
// Groups of exports by `export *` only, and the build keeps this shape (`scripts/star-index.ts`): a bundler that
// splits code by module then counts only the groups a page uses, so what the provider and the hooks load lazily (the
// change feed's and the writes' cache code) is not eager in every page (the board's moves, in `board.ts`, import it).

export * from './automation.js';
export * from './base.js';
export * from './board.js';
export * from './campaigns.js';
export * from './feed.js';
export * from './tasks.js';
