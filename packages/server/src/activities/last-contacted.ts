import { type ActivityType, TOUCH_ACTIVITY_TYPES } from '@crmkit/spec';
import { contactResource } from '../contacts/resource.js';
import type { WriteContext } from '../core/context.js';
import { type AnyRecord, applyUpdate, getRecord } from '../resources/engine.js';

/**
 * Activity types that are a touch with the customer (the contract's `TOUCH_ACTIVITY_TYPES`): a contact's
 * `lastContactedAt` is the latest `occurredAt` of its touches, kept by the server as activities are logged, changed
 * and deleted (each change emits `contact.updated`).
 */
const TOUCH_TYPES: ReadonlySet<ActivityType> = new Set(TOUCH_ACTIVITY_TYPES);

const isTouch = (a: AnyRecord) => typeof a.contactId === 'string' && TOUCH_TYPES.has(a.type as ActivityType);
const sameInstant = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' && Date.parse(a) === Date.parse(b);

async function setLastContacted(w: WriteContext, contactId: string, at: string | null): Promise<void> {
  await applyUpdate(w, contactResource, contactId, { lastContactedAt: at }, null);
}

/** After a touch is written: moves its contact's `lastContactedAt` forward to it when it is later. */
export async function touchContact(w: WriteContext, activity: AnyRecord, existing: AnyRecord | null): Promise<void> {
  if (!isTouch(activity)) return;
  const unchanged =
    existing &&
    existing.contactId === activity.contactId &&
    existing.occurredAt === activity.occurredAt &&
    existing.type === activity.type;
  if (unchanged) return;
  const contactId = activity.contactId as string;
  const contact = await getRecord(w, contactResource, contactId, w.tx, true);
  const last = contact.lastContactedAt as string | null;
  if (last !== null && Date.parse(last) >= Date.parse(activity.occurredAt as string)) return;
  await setLastContacted(w, contactId, activity.occurredAt as string);
}

/**
 * After a touch is deleted (`after` null) or changed: when it was its contact's latest touch and no longer counts
 * as much (gone, earlier, another type, another contact), `lastContactedAt` becomes the latest remaining touch, or
 * null.
 */
export async function withdrawTouch(w: WriteContext, before: AnyRecord, after: AnyRecord | null): Promise<void> {
  if (!isTouch(before)) return;
  const contactId = before.contactId as string;
  const stillCounts =
    after !== null &&
    isTouch(after) &&
    after.contactId === contactId &&
    Date.parse(after.occurredAt as string) >= Date.parse(before.occurredAt as string);
  if (stillCounts) return;
  const contact = await getRecord(w, contactResource, contactId, w.tx, true);
  if (!sameInstant(contact.lastContactedAt, before.occurredAt)) return;
  const { rows } = await w.tx.query<{ at: string | null }>(
    'SELECT max(occurred_at) AS at FROM activities WHERE workspace_id = $1 AND contact_id = $2 AND type = ANY($3::text[])',
    [w.principal.workspaceId, contactId, [...TOUCH_TYPES]],
  );
  const at = rows[0]?.at ?? null;
  if (!sameInstant(at, contact.lastContactedAt)) await setLastContacted(w, contactId, at);
}
