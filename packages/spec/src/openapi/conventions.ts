import { TOUCH_ACTIVITY_TYPES } from '../entities/activity.js';

/**
 * Rules of the contract that no schema can state, in words: `openapi.json` opens with them and
 * `docs/api-contract.md` repeats them (both generated from here).
 */
export const CONVENTIONS = {
  summary:
    'The contract crmkit widgets talk to. Conventions: cursor pagination, problem+json errors, ETag/If-Match, Idempotency-Key, an SSE change feed. Optional capabilities are listed by `GET /v1/schema`.',
  precedence:
    "Which error a request that is wrong in several ways gets: 401 (no valid token); 404 when the resource's module is switched off in the workspace or the operation belongs to a capability the server lacks; 403 (the role may not do this); 415 (the body is not JSON); 413 (the body is over 1 MB); 400 (malformed JSON, then invalid values, then a malformed header or query parameter); 404 (no such record); then 412 (stale `If-Match`) or 409 (conflict with the stored state). 429 can come at any point once the `Authorization` header has been read. A POST with an `Idempotency-Key` is matched against earlier requests right after 401: 413 for a body over 1 MB, 409 for a key reused with another body, or the replay of the first answer.",
  patchMerge:
    '`PATCH` changes the fields it names and leaves the others as they are; `customFields` and `consent` merge one level deep: a custom field or a consent channel not named keeps its value, a custom field set to `null` is removed, a list value (multiselect) is replaced whole.',
  lastContacted: `\`lastContactedAt\` is kept by the server, not written by clients: it is the latest \`occurredAt\` of the contact's activities of a touch type (${TOUCH_ACTIVITY_TYPES.join(', ')}).`,
} as const;
