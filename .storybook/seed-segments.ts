/**
 * The segments the segment stories open: on the fitness data set, its own seeded "Members whose membership expires
 * this month" (membership expiry within the next 30 days, active and loyal members), and "Birthdays this week",
 * written once per sandbox.
 */
import type { CreateOf } from '@crmkit/client';

type SegmentCreate = CreateOf<'segments'>;

import type { Sandbox } from '@crmkit/sandbox';
import { useEffect, useState } from 'react';
import { type CrmLoaded, loadCrm, useStoryClient } from './crmkit.js';

export const EXPIRING_THIS_MONTH = 'Members whose membership expires this month';

/** The segment the stories add to every data set (the fitness seed has its own "expires this month"). */
const BIRTHDAYS: SegmentCreate = {
  name: 'Birthdays this week',
  filter: { and: [{ field: 'birthday', op: 'inNextDays', days: 7, yearly: true }] },
};

const seeded = new WeakSet<Sandbox>();

/** A loader that writes the story segments once per sandbox (whatever the role: segments are the workspace's). */
export async function seedSegments(context: Parameters<typeof loadCrm>[0]): Promise<Partial<CrmLoaded>> {
  const { sandbox } = await loadCrm(context);
  if (!sandbox || seeded.has(sandbox)) return {};
  seeded.add(sandbox);
  const admin = sandbox.client();
  const existing = new Set((await admin.segments.list({ limit: 100 })).data.map((s) => s.name));
  if (!existing.has(BIRTHDAYS.name)) await admin.segments.create(BIRTHDAYS);
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
