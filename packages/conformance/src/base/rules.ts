/**
 * The rules of the crmkit CRM API that the checks verify, worded as the contract states them
 * (DESIGN.md "The crmkit CRM API", `openapi.json`, `@crmkit/spec` route and resource descriptors).
 */
export const RULES = {
  schema:
    'Every response matches the OpenAPI schema of its operation and status (openapi.json); success statuses are the documented ones.',
  endpoints: 'Every operation of openapi.json is served and answers as documented.',
  meta: '`GET /healthz` is public; `GET /v1/me` and `GET /v1/schema` describe the caller, the workspace and its capabilities.',
  fieldsDeclared:
    '`GET /v1/schema` declares the standard fields with the type the contract gives them (`x-crmkit-standard-fields`), and marks a field `sortable` / `filterable` only when its list sorts / filters by it.',
  standardFields:
    "`GET /v1/schema` declares every standard field of each enabled entity (`x-crmkit-standard-fields`), so the widgets show them with the workspace's labels.",
  cors: "A server that lets browser pages call it answers preflights allowing the contract's methods and request headers (Authorization, Content-Type, If-Match, Idempotency-Key, Last-Event-ID), exposes its response headers (ETag, Location, Retry-After, RateLimit-*), and sends Access-Control-Allow-Origin on every answer, errors included.",
  crud: 'Records are created (201 + Location), read, updated (PATCH merges) and deleted (204, then 404); every record has an integer `version` that grows on each change.',
  patchMerge:
    '`PATCH` changes the fields it names; `customFields` and `consent` merge one level deep: a custom field or consent channel not named keeps its value, a custom field set to `null` loses it.',
  lastContacted:
    "`lastContactedAt` is kept by the server: the latest `occurredAt` of the contact's activities of a touch type (call, email, sms, chat, meeting, app); notes and tasks do not move it, an earlier touch does not move it back.",
  no5xx: 'Never a 5xx for a client request: bad input is a 4xx problem (DESIGN: Errors).',
  problemJson:
    'Errors are `application/problem+json` (RFC 9457) with `type`, `title` and `status` equal to the HTTP status (DESIGN: Errors).',
  validationErrors: 'Validation failures are 400 problems whose `errors[]` name each bad value by `path`.',
  fieldErrorCodes:
    "A field error's `code`, when sent, is one clients can word: a documented code (`@crmkit/core/problems`) comes with exactly its documented `params`, so a client's message never shows an unfilled `{max}`.",
  malformedJson: 'A body that is not valid JSON is a 400 problem, never a 5xx.',
  wrongTypes: 'A value of the wrong type is a 400 problem whose `errors[].path` names the field.',
  unknownFields: 'Request bodies are strict: an unknown field is a 400 problem naming it.',
  badCursor: 'A bad cursor is a 400 problem (DESIGN: Lists).',
  badLimit: '`limit` is an integer from 1 to 200; anything else is a 400 problem.',
  badSortFilter: 'Only descriptor fields can be sorted or filtered on; others are a 400 problem.',
  unknownIds: 'An id that does not exist in the workspace is a 404 problem on get, update and delete.',
  oversize: 'An oversized body is refused with a 413 (or 400) problem, never a 5xx.',
  mediaType: 'A body that is not `application/json` is a 415 problem.',
  precedence:
    'A request wrong in several ways gets the first of: 401 (token), 403 (role), 415 (not JSON), 413 (over 1 MB), 400 (malformed JSON, invalid values, malformed If-Match), 404 (no such record), 412 (stale If-Match) — openapi.json `info.description`.',
  unauthorized:
    'Every `/v1` request needs `Authorization: Bearer <token>`; a missing or invalid token is a 401 problem.',
  pagination:
    'Lists are keyset-paginated (`limit`, `cursor`, `nextCursor`), stable under inserts: following `nextCursor` never repeats or skips a record, and ends with `nextCursor: null`.',
  sorting:
    "`sort=field` / `sort=-field` orders by each sortable field of the list (`sort` enum in openapi.json: the descriptor's fields plus createdAt, updatedAt, id), ascending or descending, with `id` as tie-breaker in the same direction and nulls kept together. Tickets' `nextBreachAt` and `slaStatus` are core: they read `sla.nextBreachAt` and `sla.status`, null while `sla` is (always, without the `sla` capability). Contacts' `name` orders by the name in the order and collation of the workspace's `defaultLocale` (`nameSortKey` of `@crmkit/core/collation`: given name first in Vietnamese and Thai, `Ánh` before `Đặng` before `Zoe`).",
  defaultOrder:
    'A list without `sort` is in its default order (`sort` default and `x-crmkit-list.defaultSort` in openapi.json): the same records in the same order as with `sort=<default>`.',
  filtering:
    "`filter[field]=v` (comma-separated: any of), `filter[field][op]=v` with eq, neq, in, gt, gte, lt, lte, contains, startsWith, isNull filter on the list's filterable fields; `contains` and `startsWith` ignore case; `neq` keeps records whose value is null. On list fields `eq`/`in` match an element, `neq` keeps records without it (empty lists included), `contains`/`startsWith` match an element, `isNull=true` means an empty list.",
  q: "`q` is a case-insensitive search over the resource's searchable fields: each word of `q` (split at spaces and commas) is a substring of one of them, in any order.",
  isolation:
    "Every record belongs to one workspace; no request ever sees another workspace's data: its ids are 404 on get, update and delete, and lists, search and events never include them.",
  roles: 'Roles are enforced by the server: a viewer reads but every write is a 403 problem, and nothing is written.',
  etag: 'Record responses carry an `ETag` (the `version`) when the server advertises `etags`.',
  ifMatch:
    '`PATCH`/`DELETE` honour `If-Match`: the current ETag succeeds, a stale one is a 412 problem whose `current` is the stored record; of concurrent writes from the same version exactly one succeeds.',
  idempotency:
    '`POST` and `PATCH` honour `Idempotency-Key`: a retry with the same key and body replays the first response and writes nothing; the same key with another body is a 409 problem.',
  rateLimit:
    'Over the advertised rate limit the server answers 429 with `Retry-After` (seconds); after waiting, requests succeed again. Every answer to an authenticated request, the 429 included, carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`.',
  search:
    '`POST /v1/<resource>/search` takes a filter tree (`and`/`or`/`not` over eq, neq, in, gt, gte, lt, lte, contains, startsWith, isNull) and answers the matching records, paginated; trees over the documented limits (depth 6, 50 conditions, 100 `in` values) are 400 problems.',
  batch:
    '`POST /v1/<resource>/batch` runs up to 100 create/update/delete operations with one result per operation (its own status, data or problem); more than 100 is a 400 problem.',
  aggregates:
    '`GET /v1/deals/aggregate?groupBy=…` returns, per group and currency, the count, the sum of `amount` and the probability-weighted sum of the matching deals.',
  events:
    '`GET /v1/events` is Server-Sent Events: one event per committed change, delivered after the write, with monotonic ids; `Last-Event-ID` resumes with only later events.',
  eventPosition:
    'The change feed states its position from its first bytes — a block with an `id:` and no data on connect — and again at least every 30 s (the heartbeat), also past events a `types` filter skipped, so that a client reconnecting with the last id it saw misses nothing.',
  leadConversion:
    '`POST /v1/leads/{id}/convert` creates the contact (+ company) (+ deal) in one transaction: a conversion that fails (e.g. an invalid deal stage) writes nothing.',
  dealMove: '`POST /v1/deals/{id}/move` places a deal between neighbours in a stage without rewriting other deals.',
  dealActivityTimes:
    'A deal carries `stageEnteredAt` (set on create and on every change of stage, kept otherwise), `lastActivityAt` (the latest `occurredAt` of a logged activity or `completedAt` of a completed task) and `nextActivityAt` (the earliest `dueAt` of an open task), kept current by the server as activities change.',
  lostReason:
    'A deal enters a lost stage (create, update or move) only with a `lostReason` that is not blank — one of the workspace’s `lostReasons` keys when it allows no other words; a refused move writes nothing.',
  rotting:
    '`GET /v1/deals?rotting=true` lists exactly the open deals idle for more whole days than their stage’s `rottingDays` (idle since the later of `stageEnteredAt` and `lastActivityAt`); `rotting=false` the others.',
  aggregateGroupings:
    '`GET /v1/deals/aggregate` groups by `expectedCloseMonth` (`YYYY-MM`) and by `nextActivity` (overdue / today / future / none in `timeZone`), and with `thenBy` by a second grouping within the first (`subKey`), exactly as the deals it groups.',
  sla: 'When the server advertises `sla`, tickets matching a policy carry `sla` (policy, due times, breached flags); while pending the SLA is `paused` with `pausedAt` set and no running due time.',
  automationRules:
    "With `automation`, `/v1/automation-rules` is a CRUD resource: a rule (trigger, conditions, steps) is checked against the workspace's fields when saved — an invalid part is a 400 problem naming it (`trigger.field`, `steps.2.field`) — and `enabled: false` stops it.",
  automationRuns:
    '`POST /v1/automation-rules/{id}/run` enrols each record that meets the conditions once per occurrence (rule + record + occurrence): the same occurrence again enrols nobody. The server runs the steps in the background and logs the run (`/v1/automation-runs`, filterable by rule, record and status) and each step (`/v1/automation-runs/{id}/steps`).',
  automationDryRun:
    '`POST /v1/automation-rules/{id}/dry-run` (and `/v1/automation-rules/dry-run` for an unsaved rule) tells whether a record meets the conditions and what each step would do, when — and writes nothing.',
  notifications:
    "`/v1/notifications` lists the calling user's notifications, newest first (`unread=true`: only unread); `POST /v1/notifications/{id}/read` sets `readAt`, `POST /v1/notifications/read-all` marks all.",
  webhooks:
    'With `webhooks`, `/v1/webhook-subscriptions` is a CRUD resource whose signing secret (`whsec_…`) appears only in the create answer and on rotation; each event a subscription wants is one delivery in `/v1/webhook-deliveries` (one per event id, however often retried), which can be replayed while the subscription is enabled.',
  listCount:
    '`count=true` on a list (`count: true` in a search body) adds `count` to the page: how many records the whole list or search matches, `exact: true` when counted, or an estimate marked `exact: false`.',
  segments:
    "With `segments`, `/v1/segments` is a CRUD resource of saved filter trees (field conditions, relative dates counted from today in the workspace's time zone — `yearly` for anniversaries —, and activity facts); `POST /v1/segments/preview` counts and samples an unsaved filter and `GET /v1/segments/{id}/members` lists a saved one's members live; a condition on a field that does not allow it is a 400 problem naming its path.",
  campaigns:
    'With `campaigns`, `/v1/campaigns` is a CRUD resource of drafts to a segment of contacts whose placeholders are checked on save (one the workspace lacks is a 422 with an `unknownPlaceholder` field error naming it); `POST /v1/campaigns/preview` renders the message for real recipients with each missing value replaced by its fallback, never `{{…}}`, and contact values escaped in the e-mail HTML; `POST /v1/campaigns/test` sends that message to the caller marked `[Test] ` (or is a 422 on `channel` when there is nowhere to send it) and changes no campaign; a draft is scheduled (`/schedule`) and a scheduled or sending one cancelled (`/cancel`), anything else is a 409; `/recipients` and `/report` read the frozen audience and its funnel.',
  presence:
    '`POST /v1/tickets/{id}/presence` announces the caller viewing or replying; it is listed by `GET /v1/tickets/{id}/presence` and `GET /v1/tickets/presence` until `ttlSeconds` pass without a renewal, then never again; `DELETE` ends it at once.',
  staleReply:
    'A message sent with `lastSeenMessageId` to a thread that gained messages since is refused with a 409 `stale-thread` problem whose `newMessages` lists them, and nothing is posted; sent again with the newest id, it is posted.',
  snooze:
    'A ticket snoozed with `snooze: { until }` leaves the unresolved views and is listed by `view=snoozed`; a reply from its requester wakes it (`snooze: null`) at once.',
  merge:
    '`POST /v1/tickets/{id}/merge` is atomic: with one source that cannot be merged nothing changes; otherwise the sources are closed with `mergedIntoId` and their messages are in the surviving thread.',
  fuzz: 'For any request body or query string — valid or not — the server never answers 5xx, refuses invalid input with a 4xx problem, answers valid input as documented, and never corrupts stored data.',
} as const;
