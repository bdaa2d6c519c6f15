import { randomBytes } from 'node:crypto';
import type { PortalUser } from './users.js';

interface Session {
  user: PortalUser;
  expiresAt: number;
}

/** Server-side sessions in memory, keyed by an unguessable id (the only thing the cookie holds). */
export class SessionStore {
  readonly #sessions = new Map<string, Session>();

  constructor(readonly ttlMs = 8 * 60 * 60 * 1000) {}

  create(user: PortalUser): string {
    const id = randomBytes(32).toString('base64url');
    this.#sessions.set(id, { user, expiresAt: Date.now() + this.ttlMs });
    return id;
  }

  get(id: string | undefined): PortalUser | null {
    if (!id) return null;
    const session = this.#sessions.get(id);
    if (!session) return null;
    if (session.expiresAt <= Date.now()) {
      this.#sessions.delete(id);
      return null;
    }
    return session.user;
  }

  delete(id: string | undefined): void {
    if (id) this.#sessions.delete(id);
  }
}
