import { RESOURCE_NAMES } from '@crmkit/spec';
import type { FetchLike } from '../src/index.js';

/** Rebuilds a JSON response with a changed body, keeping status and headers. */
async function rewriteJson(res: Response, change: (body: any) => any): Promise<Response> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(text, { status: res.status, headers: res.headers });
  }
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(change(body)), { status: res.status, headers });
}

/** A copy of a request with some headers removed and the URL changed. */
async function rebuild(req: Request, opts: { dropHeaders?: string[]; url?: URL; setHeaders?: Record<string, string> }) {
  const headers = new Headers(req.headers);
  for (const h of opts.dropHeaders ?? []) headers.delete(h);
  for (const [k, v] of Object.entries(opts.setHeaders ?? {})) headers.set(k, v);
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await req.arrayBuffer();
  return new Request(opts.url ?? req.url, {
    method: req.method,
    headers,
    ...(body ? { body } : {}),
    signal: req.signal,
  });
}

/** Drops the blocks of an event stream that carry no `data:` (those that only state a position). */
function withoutPositions(): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let buffer = '';
  return new TransformStream({
    transform(chunk, controller) {
      buffer += decoder.decode(chunk, { stream: true });
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop()!;
      for (const block of blocks) if (/^data:/m.test(block)) controller.enqueue(encoder.encode(`${block}\n\n`));
    },
  });
}

const isList = (url: URL) => RESOURCE_NAMES.some((r) => url.pathname === `/v1/${r}`);

/** A problem+json answer. */
const problem = (status: number, title: string) =>
  new Response(JSON.stringify({ type: 'about:blank', title, status }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

/**
 * Variants of a server that break one rule each, as fetch wrappers around the real server's handler.
 * Each names the check that must catch it.
 */
export function brokenVariants(tokens: { a: string; b: string }): {
  name: string;
  only: string[];
  catches: string;
  /** A finding of that check that shows this breakage. */
  finding: RegExp;
  wrap: (inner: FetchLike) => FetchLike;
}[] {
  return [
    {
      name: 'deals never show their next activity',
      only: ['deals'],
      catches: 'deals.activity-times',
      finding: /nextActivityAt is null/,
      wrap: (inner) => async (req) => {
        const res = await inner(req);
        if (req.method !== 'GET' || !/^\/v1\/deals\/[^/]+$/.test(new URL(req.url).pathname) || res.status !== 200)
          return res;
        return rewriteJson(res, (deal) => ({ ...deal, nextActivityAt: null }));
      },
    },
    {
      name: 'rotting=true is ignored',
      only: ['deals'],
      catches: 'deals.rotting',
      finding: /rotting=true lists .*not been idle a day/,
      wrap: (inner) => async (req) => {
        const url = new URL(req.url);
        if (url.pathname !== '/v1/deals' || url.searchParams.get('rotting') !== 'true') return inner(req);
        url.searchParams.delete('rotting');
        return inner(await rebuild(req, { url }));
      },
    },
    {
      name: 'pagination drops the first row of every page after the first',
      only: ['lists'],
      catches: 'lists.pagination',
      finding: /were skipped/,
      wrap: (inner) => async (req) => {
        const url = new URL(req.url);
        const res = await inner(req);
        if (req.method !== 'GET' || !isList(url) || !url.searchParams.has('cursor') || res.status !== 200) return res;
        return rewriteJson(res, (page) => ({ ...page, data: page.data.slice(1) }));
      },
    },
    {
      name: 'pagination repeats the last row of the previous page',
      only: ['lists'],
      catches: 'lists.pagination',
      finding: /repeated across pages/,
      wrap: (inner) => {
        let previousLast: unknown = null;
        return async (req) => {
          const url = new URL(req.url);
          const res = await inner(req);
          if (req.method !== 'GET' || !isList(url) || res.status !== 200) return res;
          return rewriteJson(res, (page) => {
            const repeated = url.searchParams.has('cursor') && previousLast ? [previousLast, ...page.data] : page.data;
            previousLast = page.data.at(-1) ?? null;
            return { ...page, data: repeated };
          });
        };
      },
    },
    {
      name: 'If-Match is ignored (no 412)',
      only: ['concurrency'],
      catches: 'concurrency.if-match',
      finding: /stale If-Match: answered 200/,
      wrap: (inner) => async (req) => inner(await rebuild(req, { dropHeaders: ['if-match'] })),
    },
    {
      name: "workspace B's token sees workspace A's records",
      only: ['auth'],
      catches: 'auth.isolation',
      finding: /workspace B GET of A's record: answered 200/,
      wrap: (inner) => async (req) =>
        req.method === 'GET' && req.headers.get('authorization') === `Bearer ${tokens.b}` && !req.url.endsWith('/v1/me')
          ? inner(await rebuild(req, { setHeaders: { authorization: `Bearer ${tokens.a}` } }))
          : inner(req),
    },
    {
      name: 'malformed JSON is a 500',
      only: ['errors'],
      catches: 'errors.malformed-json',
      finding: /answered 500/,
      wrap: (inner) => async (req) => {
        if (req.method === 'POST' || req.method === 'PATCH') {
          const text = await req.clone().text();
          try {
            JSON.parse(text);
          } catch {
            return new Response(JSON.stringify({ type: 'about:blank', title: 'Internal error', status: 500 }), {
              status: 500,
              headers: { 'content-type': 'application/problem+json' },
            });
          }
        }
        return inner(req);
      },
    },
    {
      name: 'field errors carry codes without their parameters (tooLong without max)',
      only: ['errors'],
      catches: 'errors.unknown-fields',
      finding: /code unknownField with params \[\], documented as \[fields\]/,
      wrap: (inner) => async (req) => {
        const res = await inner(req);
        if (!res.headers.get('content-type')?.startsWith('application/problem+json')) return res;
        return rewriteJson(res, (body) => ({
          ...body,
          errors: body.errors?.map(({ params: _, ...e }: Record<string, unknown>) => e),
        }));
      },
    },
    {
      name: 'errors are application/json, not problem+json',
      only: ['errors'],
      catches: 'errors.unknown-ids',
      finding: /not application\/problem\+json/,
      wrap: (inner) => async (req) => {
        const res = await inner(req);
        if (!res.headers.get('content-type')?.startsWith('application/problem+json')) return res;
        const headers = new Headers(res.headers);
        headers.set('content-type', 'application/json');
        return new Response(res.body, { status: res.status, headers });
      },
    },
    {
      name: 'Idempotency-Key is ignored',
      only: ['idempotency'],
      catches: 'idempotency.replay',
      finding: /the retry created/,
      wrap: (inner) => async (req) => inner(await rebuild(req, { dropHeaders: ['idempotency-key'] })),
    },
    {
      name: 'Idempotency-Key is ignored on PATCH',
      only: ['idempotency'],
      catches: 'idempotency.replay',
      finding: /the retried PATCH was applied again/,
      wrap: (inner) => async (req) =>
        inner(req.method === 'PATCH' ? await rebuild(req, { dropHeaders: ['idempotency-key'] }) : req),
    },
    {
      name: 'the event stream cannot resume (Last-Event-ID and since ignored)',
      only: ['events'],
      catches: 'events.sse',
      finding: /resuming with Last-Event-ID \d+ did not deliver/,
      wrap: (inner) => async (req) => {
        const url = new URL(req.url);
        if (url.pathname !== '/v1/events') return inner(req);
        url.searchParams.delete('since');
        return inner(await rebuild(req, { dropHeaders: ['last-event-id'], url }));
      },
    },
    {
      name: "tickets can't be sorted by nextBreachAt (taken for part of the SLA capability)",
      only: ['lists'],
      catches: 'lists.sorting',
      finding: /sort=nextBreachAt \(core: reads sla\.nextBreachAt\): page 1: answered 400/,
      wrap: (inner) => async (req) => {
        const url = new URL(req.url);
        if (url.pathname !== '/v1/tickets' || !url.searchParams.get('sort')?.endsWith('nextBreachAt'))
          return inner(req);
        return problem(400, 'sort=nextBreachAt needs the sla capability');
      },
    },
    {
      name: 'contains and startsWith are case-sensitive',
      only: ['lists'],
      catches: 'lists.filtering',
      finding: /\[contains\]=.*: matching records missing/,
      wrap: (inner) => async (req) => {
        const url = new URL(req.url);
        const res = await inner(req);
        const tests = [...url.searchParams].flatMap(([k, v]) => {
          const m = /^filter\[([^\]]+)\]\[(contains|startsWith)\]$/.exec(k);
          return m
            ? [{ field: m[1]!, test: (s: string) => (m[2] === 'contains' ? s.includes(v) : s.startsWith(v)) }]
            : [];
        });
        if (!tests.length || !isList(url) || res.status !== 200) return res;
        const holds = (value: unknown, test: (s: string) => boolean) =>
          (Array.isArray(value) ? value : [value]).some((x) => typeof x === 'string' && test(x));
        return rewriteJson(res, (page) => ({
          ...page,
          data: page.data.filter((r: any) => tests.every((t) => holds(r[t.field], t.test))),
        }));
      },
    },
    {
      name: 'neq on a list field leaves out records whose list is empty',
      only: ['lists'],
      catches: 'lists.filtering',
      finding: /filter\[phones\]\[neq\]=.*: matching records missing/,
      wrap: (inner) => async (req) => {
        const url = new URL(req.url);
        const res = await inner(req);
        const fields = [...url.searchParams.keys()].flatMap((k) => /^filter\[([^\]]+)\]\[neq\]$/.exec(k)?.[1] ?? []);
        if (!fields.length || !isList(url) || res.status !== 200) return res;
        return rewriteJson(res, (page) => ({
          ...page,
          data: page.data.filter((r: any) => fields.every((f) => !Array.isArray(r[f]) || r[f].length > 0)),
        }));
      },
    },
    {
      name: 'a list without sort is newest first, not in its documented default order',
      only: ['lists'],
      catches: 'lists.default-order',
      finding: /contacts: without sort the list is/,
      wrap: (inner) => async (req) => {
        const url = new URL(req.url);
        if (req.method !== 'GET' || !isList(url) || url.searchParams.has('sort')) return inner(req);
        url.searchParams.set('sort', '-id');
        return inner(await rebuild(req, { url }));
      },
    },
    {
      name: 'an unknown id is a 404 before the body is read',
      only: ['errors'],
      catches: 'errors.precedence',
      finding: /PATCH of an unknown id, malformed JSON: answered 404, expected 400/,
      wrap: (inner) => async (req) =>
        req.headers.has('authorization') && new URL(req.url).pathname.includes('zz_conformance0missing')
          ? problem(404, 'No such record')
          : inner(req),
    },
    {
      name: 'PATCH replaces consent instead of merging it',
      only: ['crud'],
      catches: 'crud.patch-merge',
      finding: /PATCH \{ consent: \{ sms: false \} \} after email: true answered/,
      wrap: (inner) => async (req) => {
        if (req.method !== 'PATCH' || !/^\/v1\/contacts\/[^/]+$/.test(new URL(req.url).pathname)) return inner(req);
        const body = JSON.parse(await req.clone().text());
        if (!body.consent) return inner(req);
        const consent = { email: null, sms: null, phone: null, tracking: null, ...body.consent };
        return inner(
          new Request(req.url, { method: 'PATCH', headers: req.headers, body: JSON.stringify({ ...body, consent }) }),
        );
      },
    },
    {
      name: 'lastContactedAt is not kept from activities',
      only: ['crud'],
      catches: 'crud.last-contacted',
      finding: /lastContactedAt is null; expected 2025-03-10/,
      wrap: (inner) => async (req) => {
        const res = await inner(req);
        if (req.method !== 'GET' || !/^\/v1\/contacts\/[^/]+$/.test(new URL(req.url).pathname) || res.status !== 200) {
          return res;
        }
        return rewriteJson(res, (c) => ({ ...c, lastContactedAt: null }));
      },
    },
    {
      name: 'GET /v1/schema declares only a few contact fields',
      only: ['schema'],
      catches: 'schema.standard-fields',
      finding: /contact: salutation, nameOrder, phones, companyId, .*ownerId, tags, lastContactedAt/,
      wrap: (inner) => async (req) => {
        const res = await inner(req);
        if (new URL(req.url).pathname !== '/v1/schema' || res.status !== 200) return res;
        const few = ['firstName', 'lastName', 'emails'];
        return rewriteJson(res, (s) => ({
          ...s,
          fields: { ...s.fields, contact: s.fields.contact.filter((f: any) => f.custom || few.includes(f.key)) },
        }));
      },
    },
    {
      name: 'errors lose the CORS header',
      only: ['schema'],
      catches: 'schema.cors',
      finding: /answered 404 with Access-Control-Allow-Origin null: a page cannot read it/,
      wrap: (inner) => async (req) => {
        const res = await inner(req);
        if (res.status < 400) return res;
        const headers = new Headers(res.headers);
        headers.delete('access-control-allow-origin');
        return new Response(res.body, { status: res.status, headers });
      },
    },
    {
      name: 'the event stream states its position only with events (an id: only on data)',
      only: ['events'],
      catches: 'events.position',
      finding: /stated no position/,
      wrap: (inner) => async (req) => {
        const res = await inner(req);
        if (new URL(req.url).pathname !== '/v1/events' || !res.body) return res;
        return new Response(res.body.pipeThrough(withoutPositions()), { status: res.status, headers: res.headers });
      },
    },
    {
      name: 'a rule cannot be switched off (PATCH ignores enabled)',
      only: ['automation'],
      catches: 'automation.rules',
      finding: /after PATCH enabled=false the rule has enabled true/,
      wrap: (inner) => async (req) => {
        if (req.method !== 'PATCH' || !/^\/v1\/automation-rules\/[^/]+$/.test(new URL(req.url).pathname))
          return inner(req);
        const { enabled: _ignored, ...rest } = JSON.parse(await req.clone().text());
        return inner(new Request(req.url, { method: 'PATCH', headers: req.headers, body: JSON.stringify(rest) }));
      },
    },
    {
      name: 'a manual run ignores its occurrence (every call enrols again)',
      only: ['automation'],
      catches: 'automation.runs',
      finding: /enrolled the record again/,
      wrap: (inner) => async (req) => {
        if (req.method !== 'POST' || !new URL(req.url).pathname.endsWith('/run')) return inner(req);
        const { occurrence: _ignored, ...rest } = JSON.parse(await req.clone().text());
        const headers = new Headers(req.headers);
        headers.set('idempotency-key', crypto.randomUUID());
        return inner(new Request(req.url, { method: 'POST', headers, body: JSON.stringify(rest) }));
      },
    },
    {
      name: 'a dry run says every record matches',
      only: ['automation'],
      catches: 'automation.dry-run',
      finding: /matches is true for a record that should give false/,
      wrap: (inner) => async (req) => {
        const res = await inner(req);
        if (!new URL(req.url).pathname.endsWith('/dry-run') || res.status !== 200) return res;
        return rewriteJson(res, (r) => ({ ...r, matches: true }));
      },
    },
    {
      name: 'reading a notification leaves readAt null',
      only: ['automation'],
      catches: 'automation.notifications',
      finding: /a read notification has no readAt/,
      wrap: (inner) => async (req) => {
        const res = await inner(req);
        if (!/^\/v1\/notifications\/[^/]+\/read$/.test(new URL(req.url).pathname) || res.status !== 200) return res;
        return rewriteJson(res, (n) => ({ ...n, readAt: null }));
      },
    },
    {
      name: 'a webhook subscription shows its secret to every GET',
      only: ['webhooks'],
      catches: 'webhooks.subscriptions',
      finding: /GET of a subscription shows its secret/,
      wrap: (inner) => async (req) => {
        const res = await inner(req);
        const path = new URL(req.url).pathname;
        if (req.method !== 'GET' || !/^\/v1\/webhook-subscriptions\/[^/]+$/.test(path) || res.status !== 200)
          return res;
        return rewriteJson(res, (sub) => ({ ...sub, secret: 'whsec_leaked' }));
      },
    },
    {
      name: 'segment previews ignore yearly (a birthday compared as a full date)',
      only: ['segments'],
      catches: 'segments.semantics',
      finding: /preview of birthdays in the next 7 days/,
      wrap: (inner) => async (req) => {
        if (req.method !== 'POST' || new URL(req.url).pathname !== '/v1/segments/preview') return inner(req);
        const body = (await req.clone().text()).replaceAll('"yearly":true', '"yearly":false');
        return inner(new Request(req.url, { method: 'POST', headers: req.headers, body }));
      },
    },
    {
      name: 'campaign previews print a missing value as its placeholder',
      only: ['campaigns'],
      catches: 'campaigns.personalisation',
      finding: /fallback|\{\{/,
      wrap: (inner) => async (req) => {
        const res = await inner(req);
        if (req.method !== 'POST' || new URL(req.url).pathname !== '/v1/campaigns/preview' || res.status !== 200) {
          return res;
        }
        return rewriteJson(res, (body) => ({
          items: (body.items as { text: string }[]).map((i) => ({
            ...i,
            text: i.text.replace('Hello friend', 'Hello {{contact.firstName}}'),
          })),
        }));
      },
    },
    {
      name: 'test sends take any placeholder',
      only: ['campaigns'],
      catches: 'campaigns.testSend',
      finding: /unknown placeholder/,
      wrap: (inner) => async (req) => {
        if (req.method !== 'POST' || new URL(req.url).pathname !== '/v1/campaigns/test') return inner(req);
        if (!(await req.clone().text()).includes('contact.nope')) return inner(req);
        return Response.json({ channel: 'email', to: 'me@example.test', subject: '[Test] ' });
      },
    },
    {
      name: 'lists never say how many records they hold',
      only: ['lists'],
      catches: 'lists.count',
      finding: /with count has no count/,
      wrap: (inner) => async (req) => {
        const res = await inner(req);
        if (!isList(new URL(req.url)) || res.status !== 200) return res;
        return rewriteJson(res, ({ count: _dropped, ...page }) => page);
      },
    },
    {
      name: 'a record field has the wrong type (version is a string)',
      only: ['schema'],
      catches: 'schema.core-endpoints',
      finding: /\/version must be integer/,
      wrap: (inner) => async (req) => {
        const res = await inner(req);
        if (req.method !== 'GET' || !/^\/v1\/contacts\/[^/]+$/.test(new URL(req.url).pathname) || res.status !== 200) {
          return res;
        }
        return rewriteJson(res, (c) => ({ ...c, version: String(c.version) }));
      },
    },
  ];
}
