/**
 * The segments the segment stories open: on the fitness data set, "Members whose membership expires this month"
 * (dates of the sandbox's month in the workspace's zone) and "Birthdays this week", written once per sandbox.
 */
import type { CreateOf, CrmClient } from '@crmkit/client';

type SegmentCreate = CreateOf<'segments'>;

import type { Sandbox } from '@crmkit/sandbox';
import { useEffect, useState } from 'react';
import { type CrmLoaded, loadCrm, useStoryClient } from './crmkit.js';

export const EXPIRING_THIS_MONTH = 'Members whose membership expires this month';

/** The first and last day of `now`'s month in `timeZone`. */
function monthOf(now: Date, timeZone: string) {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone }).format(now).split('-').map(Number) as [number, number];
  const mm = String(m).padStart(2, '0');
  return { first: `${y}-${mm}-01`, last: `${y}-${mm}-${new Date(Date.UTC(y, m, 0)).getUTCDate()}` };
}

/** The story segments of `sandbox`: those of the fitness data set (its custom fields), a plain one elsewhere. */
async function storySegments(sandbox: Sandbox, admin: CrmClient): Promise<SegmentCreate[]> {
  const schema = await admin.schema.get();
  const birthdays: SegmentCreate = {
    name: 'Birthdays this week',
    filter: { and: [{ field: 'birthday', op: 'inNextDays', days: 7, yearly: true }] },
  };
  if (!schema.fields.contact.some((f) => f.key === 'membershipExpiry')) return [birthdays];
  const { first, last } = monthOf(sandbox.clock.now(), schema.workspace.timeZone);
  return [
    {
      name: EXPIRING_THIS_MONTH,
      filter: {
        and: [
          { field: 'customFields.membershipExpiry', op: 'gte', value: first },
          { field: 'customFields.membershipExpiry', op: 'lte', value: last },
          { field: 'lifecycleStage', op: 'in', value: ['active', 'loyal'] },
        ],
      },
    },
    birthdays,
  ];
}

const seeded = new WeakSet<Sandbox>();

/** A loader that writes the story segments once per sandbox (whatever the role: segments are the workspace's). */
export async function seedSegments(context: Parameters<typeof loadCrm>[0]): Promise<Partial<CrmLoaded>> {
  const { sandbox } = await loadCrm(context);
  if (!sandbox || seeded.has(sandbox)) return {};
  seeded.add(sandbox);
  const admin = sandbox.client();
  const existing = new Set((await admin.segments.list({ limit: 100 })).data.map((s) => s.name));
  for (const segment of await storySegments(sandbox, admin)) {
    if (!existing.has(segment.name)) await admin.segments.create(segment);
  }
  return {};
}

/** The id of the first story segment (undefined until found). */
export function useStorySegmentId(): string | undefined {
  const client = useStoryClient();
  const [id, setId] = useState<string>();
  useEffect(() => {
    let live = true;
    client.segments.list({ limit: 100 }).then(
      (page) => {
        const segment = page.data.find((s) => s.name === EXPIRING_THIS_MONTH) ?? page.data[0];
        if (live) setId(segment?.id);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);
  return id;
}
