import type { Me, Pipeline, ResourceName, WorkspaceSchema } from '@crmkit/spec';
import { type Api, type Exchange, query } from './http.js';

/** A record as the server returned it. */
export type ApiRecord = Record<string, unknown> & { id: string; version: number };

/** A fixture could not be created or read: the check cannot go on. */
export class FixtureError extends Error {
  constructor(
    message: string,
    readonly exchange?: Exchange,
  ) {
    super(message);
  }
}

/** Words with a repeat (`bravo`), so sorted lists have ties. */
const WORDS = ['alpha', 'bravo', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india'];
const FIRST = ['lan', 'minh', 'anh', 'somchai', 'mai', 'niran', 'hoa', 'kiet', 'ploy', 'tuan'];
const parity = (i: number) => (i % 2 === 0 ? 'even' : 'odd');
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
const day = (i: number, hour = 9) => new Date(Date.UTC(2026, 0, 1 + i, hour)).toISOString();

/** Deletion order: dependents first. */
const CLEANUP_ORDER: ResourceName[] = [
  'activities',
  'tickets',
  'deals',
  'leads',
  'contacts',
  'companies',
  'pipelines',
  'users',
  'teams',
];

/**
 * The records the kit creates. Every set of records carries a scope token — a word of fixed width that no
 * other token contains — in a searchable field, so `q=<token>` lists exactly that set.
 */
export class Fixtures {
  private counter = 0;
  private readonly created = new Map<ResourceName, string[]>();
  private readonly shared = new Map<ResourceName, Promise<{ token: string; records: ApiRecord[] }>>();
  private pipelinePromise: Promise<Pipeline> | null = null;
  private contactPromise: Promise<ApiRecord> | null = null;

  constructor(
    readonly api: Api,
    readonly runTag: string,
    readonly schema: WorkspaceSchema,
    readonly me: Me,
  ) {}

  /** A new scope token: the run tag and a counter, always the same width. */
  token(): string {
    this.counter++;
    return `${this.runTag}${String(this.counter).padStart(4, '0')}`;
  }

  /** Paths of records outside the CRUD resource list (automation rules, webhook subscriptions) to delete at the end. */
  private readonly createdPaths: string[] = [];

  /** Remembers a record by its path (`/v1/automation-rules/rul_1`) so it is deleted at the end. */
  trackPath(path: string): void {
    if (!this.createdPaths.includes(path)) this.createdPaths.push(path);
  }

  /** Remembers a created record so it is deleted at the end. */
  track(resource: ResourceName, id: string): void {
    const ids = this.created.get(resource) ?? [];
    if (!ids.includes(id)) ids.push(id);
    this.created.set(resource, ids);
  }

  /** The caller's user id, if the token is tied to a user. */
  get userId(): string | null {
    return this.me.user?.id ?? null;
  }

  /** A valid create body for the `i`-th record of a set scoped by `token`. */
  async body(resource: ResourceName, i: number, token: string): Promise<Record<string, unknown>> {
    const w = pick(WORDS, i);
    const owner = i % 2 === 1 ? this.userId : null;
    const tags = [token, parity(i)];
    switch (resource) {
      case 'companies':
        return {
          name: `${w} ${token}`,
          domain: i % 3 === 2 ? null : `${w}${i}-${token}.example.com`,
          industry: pick(['retail', 'software', null], i),
          size: pick(['1-10', '11-50', null], i),
          phones: i % 2 ? [`+8428000000${i % 10}`] : [],
          ownerId: owner,
          tags,
        };
      case 'contacts':
        return {
          firstName: pick(FIRST, i),
          lastName: `${w} ${token}`,
          emails: [`c${i}.${token}@example.com`],
          phones: i % 2 ? [`+8490000000${i % 10}`] : [],
          title: i % 3 === 0 ? null : `title ${i % 3}`,
          birthday: i % 3 === 0 ? null : `199${i % 10}-0${(i % 9) + 1}-1${i % 10}`,
          lifecycleStage: pick(['potential', 'active', 'loyal', 'lost', 'active'], i),
          ownerId: owner,
          tags,
        };
      case 'leads':
        return {
          name: `${w} ${token}`,
          companyName: i % 3 === 2 ? null : `${pick(FIRST, i)} co ${token}`,
          email: i % 4 === 3 ? null : `l${i}.${token}@example.com`,
          phone: i % 2 ? `+8491000000${i % 10}` : null,
          status: pick(['new', 'contacted', 'qualified', 'disqualified', 'new'], i),
          source: this.schema.leadSources[0]?.key ?? null,
          ownerId: owner,
          notes: i % 2 ? `note ${i}` : null,
          tags,
        };
      case 'pipelines':
        return {
          name: `${w} ${token}`,
          currency: pick(['USD', 'VND'], i),
          isDefault: false,
          stages: [
            { name: 'New', probability: 10, kind: 'open' },
            { name: 'Proposal', probability: 60, kind: 'open' },
            { name: 'Won', probability: 100, kind: 'won' },
            { name: 'Lost', probability: 0, kind: 'lost' },
          ],
        };
      case 'deals': {
        const p = await this.pipeline();
        return {
          name: `${w} ${token}`,
          amount: pick([100_000, 250_000, 250_000, null, 0, 99_000], i),
          currency: 'USD',
          pipelineId: p.id,
          stageId: p.stages[i % 2]!.id,
          expectedCloseDate: i % 3 === 0 ? null : `2027-0${(i % 9) + 1}-15`,
          ownerId: owner,
          tags,
          ...(i % 5 === 4 ? { probability: 35 } : {}),
        };
      }
      case 'activities': {
        const contact = await this.contact();
        const type = pick(['call', 'email', 'note', 'task', 'meeting'], i);
        return {
          type,
          direction: type === 'note' || type === 'task' ? null : pick(['inbound', 'outbound'], i),
          subject: `${w} ${token}`,
          body: `body ${i}`,
          outcome: i % 2 ? 'connected' : null,
          purpose: type === 'task' ? 'call_back' : null,
          occurredAt: day(i === 2 ? 1 : i),
          dueAt: type === 'task' ? day(i + 3) : null,
          completedAt: i % 3 === 0 ? day(i, 10) : null,
          durationSeconds: i % 2 ? i * 60 : null,
          contactId: contact.id,
          tags,
        };
      }
      case 'tickets': {
        const contact = await this.contact();
        return {
          subject: `${w} ${token}`,
          status: pick(['new', 'open', 'open', 'pending', 'on_hold', 'solved'], i),
          priority: pick(['low', 'normal', 'high', 'urgent', 'normal'], i),
          channel: pick(['email', 'web', 'phone', 'chat'], i),
          requesterId: contact.id,
          tags,
        };
      }
      case 'users':
        return {
          name: `${w} ${token}`,
          email: `u${i}.${token}@example.com`,
          role: pick(['agent', 'viewer', 'manager', 'agent'], i),
          available: i % 2 === 0,
          locale: i % 2 ? 'vi-VN' : null,
          timeZone: i % 2 ? 'Asia/Ho_Chi_Minh' : null,
        };
      case 'teams':
        return { name: `${w} ${token}`, description: i % 2 ? `team ${i}` : null };
      case 'cannedResponses':
        return {
          name: `${w} ${token}`,
          shortcut:
            i % 3 === 2
              ? null
              : `${w.toLowerCase().replace(/[^a-z0-9]/g, '')}-${i}-${token.toLowerCase().replace(/[^a-z0-9_-]/g, '')}`.slice(
                  0,
                  32,
                ),
          body: `<p>Hi {{contact.firstName}}, ${w} ${i}.</p>`,
          status: pick(['pending', 'solved', null], i),
          teamIds: [],
          tags,
        };
    }
  }

  /** A small valid patch for a record of `resource`. */
  patch(resource: ResourceName, n = 1): Record<string, unknown> {
    switch (resource) {
      case 'companies':
        return { industry: `patched ${n}` };
      case 'contacts':
        return { title: `patched ${n}` };
      case 'leads':
        return { notes: `patched ${n}` };
      case 'pipelines':
        return { currency: n % 2 ? 'EUR' : 'THB' };
      case 'deals':
        return { amount: 1000 + n };
      case 'activities':
        return { outcome: `patched ${n}` };
      case 'tickets':
        return { tags: [`patched${n}`] };
      case 'users':
        return { locale: n % 2 ? 'th-TH' : 'en' };
      case 'teams':
        return { description: `patched ${n}` };
      case 'cannedResponses':
        return { name: `patched ${n}` };
    }
  }

  /** Creates a record; throws a FixtureError when the server refuses. */
  async create(resource: ResourceName, body: Record<string, unknown>, api: Api = this.api): Promise<ApiRecord> {
    const ex = await api.post(`/v1/${resource}`, body);
    const record = ex.body as ApiRecord | undefined;
    if (ex.status !== 201 || typeof record?.id !== 'string') {
      throw new FixtureError(`could not create a ${resource} fixture: POST /v1/${resource} answered ${ex.status}`, ex);
    }
    this.track(resource, record.id);
    return record;
  }

  /** Creates `n` records of a set scoped by `token`. */
  async createSet(resource: ResourceName, n: number, token: string, from = 0): Promise<ApiRecord[]> {
    const out: ApiRecord[] = [];
    for (let i = from; i < from + n; i++) out.push(await this.create(resource, await this.body(resource, i, token)));
    return out;
  }

  /** A set of 6 records per resource, created once and shared by the read-only checks (sorting, filtering, ...). */
  sharedSet(resource: ResourceName): Promise<{ token: string; records: ApiRecord[] }> {
    let p = this.shared.get(resource);
    if (!p) {
      const token = this.token();
      p = this.createSet(resource, 6, token).then((records) => ({ token, records }));
      p.catch(() => this.shared.delete(resource));
      this.shared.set(resource, p);
    }
    return p;
  }

  /** The shared set of `resource` as the server lists it (every record of its scope, server-set fields included). */
  async sharedListed(resource: ResourceName): Promise<{ token: string; records: ApiRecord[] }> {
    const { token } = await this.sharedSet(resource);
    const { records } = await this.listAll(resource, token);
    return { token, records };
  }

  /** Every record of a scope, following `nextCursor` (with `extra` query parameters). */
  async listAll(
    resource: ResourceName,
    token: string,
    extra: [string, string][] = [],
    api: Api = this.api,
    limit = 200,
  ): Promise<{ records: ApiRecord[]; exchanges: Exchange[] }> {
    const records: ApiRecord[] = [];
    const exchanges: Exchange[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const pairs: [string, string][] = [['q', token], ['limit', String(limit)], ...extra];
      if (cursor) pairs.push(['cursor', cursor]);
      const ex = await api.get(`/v1/${resource}${query(pairs)}`);
      exchanges.push(ex);
      const body = ex.body as { data?: ApiRecord[]; nextCursor?: string | null } | undefined;
      if (ex.status !== 200 || !Array.isArray(body?.data)) {
        throw new FixtureError(`GET /v1/${resource} answered ${ex.status} while listing a scope`, ex);
      }
      records.push(...body.data);
      cursor = body.nextCursor ?? null;
      if (!cursor) return { records, exchanges };
    }
    throw new FixtureError(`GET /v1/${resource} returned more than 100 pages for a scope of a few records`);
  }

  /** A pipeline of the kit with stages New (10), Proposal (60), Won (100), Lost (0). */
  pipeline(): Promise<Pipeline> {
    this.pipelinePromise ??= this.body('pipelines', 0, this.token()).then(
      (b) => this.create('pipelines', b) as unknown as Promise<Pipeline>,
    );
    this.pipelinePromise.catch(() => {
      this.pipelinePromise = null;
    });
    return this.pipelinePromise;
  }

  /** A new ticket from a contact, with a first message (its description). */
  async ticket(extra: Record<string, unknown> = {}): Promise<ApiRecord> {
    return this.create('tickets', { ...(await this.body('tickets', 1, this.token())), description: 'Hello', ...extra });
  }

  /** A contact that activities and tickets link to. */
  contact(): Promise<ApiRecord> {
    this.contactPromise ??= this.body('contacts', 0, this.token()).then((b) => this.create('contacts', b));
    this.contactPromise.catch(() => {
      this.contactPromise = null;
    });
    return this.contactPromise;
  }

  /**
   * Deletes every record the kit created (best effort), after making the workspace's original default pipeline
   * the default again (fuzzing may have moved it); returns how many records could not be deleted.
   */
  async cleanup(): Promise<number> {
    let failed = 0;
    const original = this.schema.pipelines.find((p) => p.isDefault);
    if (original && this.created.has('pipelines')) {
      await this.api.patch(`/v1/pipelines/${original.id}`, { isDefault: true }).catch(() => null);
    }
    for (const path of this.createdPaths.splice(0).reverse()) {
      const ex = await this.api.delete(path).catch(() => null);
      if (!ex || (ex.status !== 204 && ex.status !== 404)) failed++;
    }
    for (const resource of CLEANUP_ORDER) {
      for (const id of (this.created.get(resource) ?? []).reverse()) {
        const ex = await this.api.delete(`/v1/${resource}/${id}`).catch(() => null);
        if (!ex || (ex.status !== 204 && ex.status !== 404)) failed++;
      }
    }
    this.created.clear();
    return failed;
  }
}
