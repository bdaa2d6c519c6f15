/**
 * Story loaders that give the story's user data of their own (their tasks, their reminders), written once per sandbox
 * and role: stories sharing a sandbox do not write it again.
 */
import type { CrmClient } from '@crmkit/client';
import type { Sandbox } from '@crmkit/sandbox';
import { type CrmLoaded, globalsOf, loadCrm } from './crmkit.js';

/**
 * A loader that runs `seed` once per sandbox and role, with the sandbox, an admin client (to write) and the id of the
 * story role's user; it does nothing for a key acting for no user.
 *
 * @example
 * loaders: [seedOncePerRole(async ({ admin, userId }) => { await admin.activities.create({ …, assigneeId: userId }); })]
 */
export function seedOncePerRole(
  seed: (on: { sandbox: Sandbox; admin: CrmClient; userId: string }) => Promise<void>,
): (context: Parameters<typeof loadCrm>[0]) => Promise<Partial<CrmLoaded>> {
  const seeded = new WeakMap<Sandbox, Set<string>>();
  return async (context) => {
    const { sandbox } = await loadCrm(context);
    const role = globalsOf(context).role;
    if (!sandbox || seeded.get(sandbox)?.has(role)) return {};
    seeded.set(sandbox, new Set([...(seeded.get(sandbox) ?? []), role]));
    const user = (await sandbox.client({ role }).me.get()).user;
    if (user) await seed({ sandbox, admin: sandbox.client(), userId: user.id });
    return {};
  };
}
