import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** The CRM roles a portal user can act with (see `GET /v1/me` of the CRM for what each may do). */
export type CrmRole = 'owner' | 'admin' | 'manager' | 'agent' | 'viewer';

/** A member of the portal's own user directory, and the CRM user they act as. */
export interface PortalUser {
  email: string;
  name: string;
  /** What the portal calls them ("Good morning, Minh"). */
  shortName: string;
  jobTitle: string;
  department: string;
  /** The user id in the CRM workspace (the demo seed's stable ids). */
  crmUserId: string;
  /** The role the embed token carries (at most the CRM user's own role). */
  crmRole: CrmRole;
}

/** What the SPA learns about the signed-in user: who they are and their role, nothing about the CRM credentials. */
export type PublicUser = Omit<PortalUser, 'crmUserId'>;

/** The {@link PublicUser} view of `user`, as `GET /api/session` and the login answer send it. */
export function publicUser({ crmUserId: _crmUserId, ...user }: PortalUser): PublicUser {
  return user;
}

interface StoredUser extends PortalUser {
  salt: Buffer;
  hash: Buffer;
}

/** The portal's demo accounts (password `demo` for all): an admin, an agent and a read-only viewer. */
export const DEMO_ACCOUNTS: readonly (PortalUser & { password: string })[] = [
  {
    email: 'minh@saigonsoftware.vn',
    password: 'demo',
    name: 'Phạm Văn Minh',
    shortName: 'Minh',
    jobTitle: 'Customer Support Agent',
    department: 'Customer Success',
    crmUserId: 'usr_demo_minh',
    crmRole: 'agent',
  },
  {
    email: 'bao@saigonsoftware.vn',
    password: 'demo',
    name: 'Trần Quốc Bảo',
    shortName: 'Bảo',
    jobTitle: 'Head of Operations',
    department: 'Operations',
    crmUserId: 'usr_demo_bao',
    crmRole: 'admin',
  },
  {
    email: 'kanya@saigonsoftware.vn',
    password: 'demo',
    name: 'Kanya Srisai',
    shortName: 'Kanya',
    jobTitle: 'Finance Analyst',
    department: 'Finance (Bangkok)',
    crmUserId: 'usr_demo_kanya',
    crmRole: 'viewer',
  },
];

const hashPassword = (password: string, salt: Buffer) => scryptSync(password, salt, 32);

/**
 * The portal's user directory: an in-memory list with scrypt-hashed passwords. A real portal has its own (LDAP,
 * a users table, an identity provider); the CRM never sees these passwords.
 */
export class UserDirectory {
  readonly #users = new Map<string, StoredUser>();

  constructor(accounts: readonly (PortalUser & { password: string })[] = DEMO_ACCOUNTS) {
    for (const { password, ...user } of accounts) {
      const salt = randomBytes(16);
      this.#users.set(user.email.toLowerCase(), { ...user, salt, hash: hashPassword(password, salt) });
    }
  }

  /** The user with this email and password, or null (same work whether or not the email exists). */
  verify(email: string, password: string): PortalUser | null {
    const stored = this.#users.get(email.trim().toLowerCase());
    const salt = stored?.salt ?? randomBytes(16);
    const hash = hashPassword(password, salt);
    if (!stored || !timingSafeEqual(hash, stored.hash)) return null;
    const { salt: _salt, hash: _hash, ...user } = stored;
    return user;
  }
}
