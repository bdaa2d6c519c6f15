/**
 * The campaign the campaign stories report on: on the demo data set, "Year-end offer" to the active and loyal
 * contacts, sent for real by a sending process on the sandbox's database (`sendCampaign`), then opened by every
 * third recipient and clicked by every fifth through the messages' own tracking links — written once per sandbox.
 */
import type { Sandbox } from '@crmkit/sandbox';
import { respondToCampaign, sendCampaign } from '@crmkit/sandbox';
import { useEffect, useState } from 'react';
import { type CrmLoaded, loadCrm, useStoryClient } from './crmkit.js';

export const STORY_CAMPAIGN = 'Year-end offer';

const seeded = new WeakMap<Sandbox, Promise<void>>();

async function seed(sandbox: Sandbox): Promise<void> {
  const admin = sandbox.client();
  if ((await admin.campaigns.list({ limit: 100 })).data.some((c) => c.name === STORY_CAMPAIGN)) return;
  const segment = await admin.segments.create({
    name: 'Active and loyal contacts',
    filter: { field: 'lifecycleStage', op: 'in', value: ['active', 'loyal'] },
  });
  const campaign = await admin.campaigns.create({
    name: STORY_CAMPAIGN,
    segmentId: segment.id,
    channel: 'email',
    subject: '{{contact.firstName|Hello}}, our year-end offer',
    template: 'Hi {{contact.firstName|there}},\n\nSee the offer at https://example.com/offer before 31 December.',
  });
  await admin.campaigns.schedule(campaign.id);
  const sent = await sendCampaign(sandbox, campaign.id);
  for (const [i, message] of sent.entries()) {
    if (i % 5 === 0) await respondToCampaign(sandbox, message, 'click');
    else if (i % 3 === 0) await respondToCampaign(sandbox, message, 'open');
  }
}

/** A loader that sends the story campaign once per sandbox (whatever the role: campaigns are the workspace's). */
export async function seedCampaign(context: Parameters<typeof loadCrm>[0]): Promise<Partial<CrmLoaded>> {
  const { sandbox } = await loadCrm(context);
  if (!sandbox) return {};
  let done = seeded.get(sandbox);
  if (!done) {
    done = seed(sandbox);
    seeded.set(sandbox, done);
  }
  await done;
  return {};
}

/** The id of the story campaign (undefined until found): `useFirstId` of `./crmkit.js` for a capability's resource. */
export function useStoryCampaignId(): string | undefined {
  const client = useStoryClient();
  const [id, setId] = useState<string>();
  useEffect(() => {
    let live = true;
    void client.campaigns.list({ filter: { name: STORY_CAMPAIGN }, limit: 1 }).then(
      (page) => live && setId(page.data[0]?.id),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);
  return id;
}
