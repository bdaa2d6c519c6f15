import type { CrmClient, RecordOf, Schemas, UpdateOf } from '@crmkit/client';

type Contact = RecordOf<'contacts'>;

/** The batch endpoint's limit per request. */
export const BATCH_SIZE = 100;

/** One record a bulk action could not change. */
export interface BulkFailure {
  id: string;
  /** Why, from the server's problem (`detail`, else `title`). */
  message: string;
}

/** The outcome of a bulk action. */
export interface BulkResult {
  updated: string[];
  failed: BulkFailure[];
}

/** A change to one contact, or `null` to leave it as it is. */
export type BulkChange = (contact: Contact | undefined) => { data: UpdateOf<'contacts'>; ifVersion?: number } | null;

const problemMessage = (p: Partial<Schemas['Problem']> | undefined, fallback: string) =>
  p?.errors?.[0]?.message ?? p?.detail ?? p?.title ?? fallback;

/**
 * Applies `change` to every contact of `ids` with `POST /v1/contacts/batch` in chunks of {@link BATCH_SIZE}, or one
 * `PATCH` at a time on a server without batch; collects which changed and which failed (with the server's reason).
 */
export async function applyBulk(
  client: CrmClient,
  ids: readonly string[],
  records: ReadonlyMap<string, Contact>,
  change: BulkChange,
  batch: boolean,
): Promise<BulkResult> {
  const result: BulkResult = { updated: [], failed: [] };
  const planned = ids.flatMap((id) => {
    const c = change(records.get(id));
    return c ? [{ id, ...c }] : [];
  });
  for (let i = 0; i < planned.length; i += BATCH_SIZE) {
    const chunk = planned.slice(i, i + BATCH_SIZE);
    if (batch) {
      try {
        const { results } = await client.contacts.batch(
          chunk.map((p) => ({ op: 'update' as const, id: p.id, data: p.data, ifVersion: p.ifVersion })),
        );
        for (const r of results) {
          const p = chunk[r.index]!;
          if (r.status < 300) result.updated.push(p.id);
          else result.failed.push({ id: p.id, message: problemMessage(r.error, String(r.status)) });
        }
      } catch (error) {
        const message = (error as Error).message;
        for (const p of chunk) result.failed.push({ id: p.id, message });
      }
    } else {
      for (const p of chunk) {
        try {
          await client.contacts.update(p.id, p.data, { ifVersion: p.ifVersion });
          result.updated.push(p.id);
        } catch (error) {
          const e = error as Error & { problem?: Schemas['Problem'] };
          result.failed.push({ id: p.id, message: problemMessage(e.problem, e.message) });
        }
      }
    }
  }
  return result;
}
