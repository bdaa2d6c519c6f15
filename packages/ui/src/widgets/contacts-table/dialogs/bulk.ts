import type { CrmClient, ListQuery, RecordOf, Schemas, UpdateOf } from '@crmkit/client';
import { contactName } from '@crmkit/react';
import { refusalOf, type ServerFieldError } from '../../shared/editing/server-errors.js';

type Contact = RecordOf<'contacts'>;

/** The batch endpoint's limit per request (`BATCH_LIMIT` of the contract: `POST /v1/<resource>/batch` takes ≤ 100). */
export const BATCH_SIZE = 100;

/** The largest page of a list (`limit` is 1–200): used to read every matching record in as few requests as possible. */
const PAGE = 200;

/** The records a bulk action applies to: these ids, or every record the list `query` matches except `excluded`. */
export type BulkTarget = readonly string[] | { query: ListQuery<Contact>; excluded: ReadonlySet<string> };

/** One record a bulk action could not change. */
export interface BulkFailure {
  id: string;
  /** The contact's name, as last seen. */
  name: string;
  /** Why, from the server's problem (its first field error, else `detail`, else `title`), in the server's English. */
  message: string;
  /**
   * The reason to word in the user's language: the first field error, with its code; for a record someone else
   * changed meanwhile (412), the code `changed`.
   */
  error?: ServerFieldError;
}

/** The outcome of a bulk action. */
export interface BulkResult {
  updated: string[];
  failed: BulkFailure[];
  /** Records left unchanged because the action was cancelled before their chunk was sent. */
  skipped: string[];
}

/** A change to one contact, or `null` to leave it as it is. */
export type BulkChange = (contact: Contact | undefined) => { data: UpdateOf<'contacts'>; ifVersion?: number } | null;

const problemMessage = (p: Partial<Schemas['Problem']> | undefined, fallback: string) =>
  p?.errors?.[0]?.message ?? p?.detail ?? p?.title ?? fallback;

/**
 * Applies `change` to every contact of `target` with `POST /v1/contacts/batch` in chunks of {@link BATCH_SIZE}, or one
 * `PATCH` at a time on a server without batch; collects which changed and which failed (with the server's reason).
 * A query target is listed when the action starts (pages of 200, with `signal`: aborting there throws and changes
 * nothing), so it applies to what matches at that moment. `onProgress(done, total)` follows each chunk but the last;
 * once `signal` aborts, no further chunk is sent and the rest are `skipped`.
 */
export async function applyBulk(
  client: CrmClient,
  target: BulkTarget,
  records: ReadonlyMap<string, Contact>,
  change: BulkChange,
  batch: boolean,
  signal?: AbortSignal,
  onProgress?: (done: number, total: number) => void,
): Promise<BulkResult> {
  const result: BulkResult = { updated: [], failed: [], skipped: [] };
  const planned: { id: string; name: string; data: UpdateOf<'contacts'>; ifVersion?: number }[] = [];
  const plan = (id: string, contact: Contact | undefined) => {
    const c = change(contact);
    if (c) planned.push({ id, name: contactName(contact ?? {}), ...c });
  };
  if ('query' in target) {
    const { query, excluded } = target;
    for await (const c of client.contacts.iterate({ ...query, limit: PAGE }, { signal })) {
      if (!excluded.has(c.id)) plan(c.id, c);
    }
  } else for (const id of target) plan(id, records.get(id));

  const fail = (p: (typeof planned)[number], message: string, problem?: Partial<Schemas['Problem']>) => {
    const error = refusalOf(problem);
    result.failed.push({ id: p.id, name: p.name, message, ...(error ? { error } : {}) });
  };
  for (let i = 0; i < planned.length; i += BATCH_SIZE) {
    if (signal?.aborted) {
      result.skipped = planned.slice(i).map((p) => p.id);
      break;
    }
    if (i) onProgress?.(i, planned.length);
    const chunk = planned.slice(i, i + BATCH_SIZE);
    if (batch) {
      try {
        const { results } = await client.contacts.batch(
          chunk.map((p) => ({ op: 'update' as const, id: p.id, data: p.data, ifVersion: p.ifVersion })),
        );
        for (const r of results) {
          const p = chunk[r.index]!;
          if (r.status < 300) result.updated.push(p.id);
          else fail(p, problemMessage(r.error, String(r.status)), { status: r.status, ...r.error });
        }
      } catch (error) {
        for (const p of chunk) fail(p, (error as Error).message);
      }
    } else {
      for (const p of chunk) {
        try {
          await client.contacts.update(p.id, p.data, { ifVersion: p.ifVersion });
          result.updated.push(p.id);
        } catch (error) {
          const e = error as Error & { problem?: Schemas['Problem'] };
          fail(p, problemMessage(e.problem, e.message), e.problem);
        }
      }
    }
  }
  return result;
}
