import type { Role } from '@crmkit/spec';
import { type Clock, systemClock } from '../core/clock.js';
import { newId, randomSecret, sha256Hex } from '../core/ids.js';
import { WorkspaceSettings, type WorkspaceSettingsInput } from '../core/settings.js';
import type { Queryable } from '../db/types.js';
import { searchTextOf } from '../query/search-text.js';

/** A user to create with a workspace. */
export interface ProvisionUser {
  id?: string;
  name: string;
  email: string;
  role: Role;
  teamIds?: string[];
  available?: boolean;
  locale?: string | null;
  timeZone?: string | null;
}

/** An API key to create: tied to the user with `userEmail`, or to no user. */
export interface ProvisionKey {
  label: string;
  role: Role;
  userEmail?: string;
}

export interface ProvisionOptions {
  id?: string;
  name: string;
  settings?: WorkspaceSettingsInput;
  teams?: { id?: string; name: string; description?: string | null }[];
  users?: ProvisionUser[];
  keys?: ProvisionKey[];
  /** Keep the plain-text keys so `crmkit-server keys` can print them (demo workspaces only). */
  rememberKeys?: boolean;
  clock?: Clock;
}

export interface ProvisionedWorkspace {
  id: string;
  name: string;
  embedSecret: string;
  /** Plain-text API keys by label: shown once, stored only as hashes (unless `rememberKeys`). */
  keys: Record<string, string>;
  /** User ids by email. */
  users: Record<string, string>;
  /** Team ids by name. */
  teams: Record<string, string>;
}

/**
 * Creates a workspace with its settings, teams, users and API keys, in one transaction.
 *
 * @example
 * const ws = await provisionWorkspace(db, { name: 'Acme', users: [{ name: 'An', email: 'an@acme.vn', role: 'admin' }],
 *   keys: [{ label: 'admin', role: 'admin', userEmail: 'an@acme.vn' }] });
 * fetch('/v1/contacts', { headers: { Authorization: `Bearer ${ws.keys.admin}` } });
 */
export async function provisionWorkspace(
  db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  options: ProvisionOptions,
): Promise<ProvisionedWorkspace> {
  const clock = options.clock ?? systemClock;
  const now = clock.now();
  const id = options.id ?? newId('ws', now.getTime());
  const embedSecret = randomSecret();
  const settings = WorkspaceSettings.parse(options.settings ?? {});
  return db.transaction(async (tx) => {
    await tx.query('INSERT INTO workspaces (id, name, settings, embed_secret, created_at) VALUES ($1,$2,$3,$4,$5)', [
      id,
      options.name,
      JSON.stringify(settings),
      embedSecret,
      now.toISOString(),
    ]);
    const teams: Record<string, string> = {};
    for (const t of options.teams ?? []) {
      const teamId = t.id ?? newId('tea', now.getTime());
      teams[t.name] = teamId;
      await tx.query(
        'INSERT INTO teams (id, workspace_id, created_at, updated_at, search_text, name, description) VALUES ($1,$2,$3,$3,$4,$5,$6)',
        [teamId, id, now.toISOString(), searchTextOf([t.name]), t.name, t.description ?? null],
      );
    }
    const users: Record<string, string> = {};
    for (const u of options.users ?? []) {
      const userId = u.id ?? newId('usr', now.getTime());
      const email = u.email.toLowerCase();
      users[email] = userId;
      await tx.query(
        `INSERT INTO users (id, workspace_id, created_at, updated_at, search_text, name, email, role, team_ids, available, locale, time_zone)
         VALUES ($1,$2,$3,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
        [
          userId,
          id,
          now.toISOString(),
          searchTextOf([u.name, email]),
          u.name,
          email,
          u.role,
          u.teamIds ?? [],
          u.available ?? true,
          u.locale ?? null,
          u.timeZone ?? null,
        ],
      );
    }
    const keys: Record<string, string> = {};
    for (const k of options.keys ?? []) {
      const key = `ck_${randomSecret(24)}`;
      keys[k.label] = key;
      const userId = k.userEmail ? users[k.userEmail.toLowerCase()] : undefined;
      if (k.userEmail && !userId)
        throw new Error(`provisionWorkspace: key ${k.label} names unknown user ${k.userEmail}`);
      await tx.query(
        'INSERT INTO api_keys (id, workspace_id, key_hash, role, user_id, name, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7)',
        [newId('key', now.getTime()), id, await sha256Hex(key), k.role, userId ?? null, k.label, now.toISOString()],
      );
      if (options.rememberKeys) {
        await tx.query('INSERT INTO demo_credentials (workspace_id, label, api_key) VALUES ($1,$2,$3)', [
          id,
          k.label,
          key,
        ]);
      }
    }
    return { id, name: options.name, embedSecret, keys, users, teams };
  });
}
