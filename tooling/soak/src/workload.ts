import { type CrmClient, CrmError, createCrmClient, InvalidResponseError } from '@crmkit/client';
import type { Answer, Entry, Ledger, Operation } from './ledger.js';

/** Statuses that are a definite answer: the write did not happen. */
const REFUSALS = new Set([400, 403, 404, 409, 412, 422]);

/** Whether `error` tells for sure that nothing was written (else the write may or may not have happened). */
function refusal(error: unknown): Answer | null {
  if (!(error instanceof CrmError) || error instanceof InvalidResponseError || !REFUSALS.has(error.status)) return null;
  // "In progress" is no answer: the first attempt may still commit.
  if (error.type.endsWith('/idempotency-in-progress')) return null;
  return { status: error.status, problem: error.type.replace(/^.*\//, '') };
}

/**
 * A client as the soak's actors use it: the real `@crmkit/client`, with enough retries (jittered backoff up to 1 s,
 * about a minute in all) to ride out a server restart, as an application that must not lose writes would configure it.
 */
export function soakClient(baseUrl: string, apiKey: string): CrmClient {
  return createCrmClient({
    baseUrl,
    auth: { apiKey },
    retry: { retries: 60, minDelay: 50, maxDelay: 1000 },
    timeout: 120_000,
  });
}

/** What one actor owns and may write: only it writes these records, so their versions are its to predict. */
interface Owned {
  contacts: Map<string, { version: number }>;
  deals: Map<string, { version: number; stageId: string }>;
  tickets: string[];
  leads: string[];
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** The mix of operations, by weight. */
const MIX: [keyof Actor['ops'], number][] = [
  ['createContact', 20],
  ['updateContact', 20],
  ['moveDeal', 16],
  ['reply', 10],
  ['batch', 10],
  ['deleteContact', 6],
  ['createDeal', 6],
  ['convertLead', 8],
  ['createTicket', 4],
];
const TOTAL = MIX.reduce((s, [, w]) => s + w, 0);

/** An operation drawn at random by the weights of {@link MIX}. */
function chooseOperation(): keyof Actor['ops'] {
  let r = Math.random() * TOTAL;
  for (const [name, weight] of MIX) {
    r -= weight;
    if (r < 0) return name;
  }
  return MIX[0]![0];
}

/**
 * One client of the soak: runs operations one after another (a user clicking, or an integration syncing) and records
 * each in the ledger with its outcome. After an operation without an answer it reads the record again, as an
 * application would, to learn whether it changed.
 */
export class Actor {
  private readonly owned: Owned = { contacts: new Map(), deals: new Map(), tickets: [], leads: [] };
  private n = 0;
  private requesterId: string | null = null;

  constructor(
    private readonly index: number,
    private readonly crm: CrmClient,
    private readonly ledger: Ledger,
    private readonly runId: string,
    private readonly stageIds: readonly string[],
  ) {}

  /** Runs until `signal` aborts (the operation in progress finishes). */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await this.ops[chooseOperation()]();
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
    }
  }

  private marker(kind: string): string {
    return `${this.runId}-${this.index}-${kind}${this.n++}`;
  }

  /** Runs `call`, records its outcome, and returns the entry with the call's value when acknowledged. */
  private async attempt<T>(
    operation: Operation,
    call: () => Promise<T>,
    answer: (value: T) => Answer,
  ): Promise<{ entry: Entry; value?: T }> {
    const sentAt = this.ledger.now();
    try {
      const value = await call();
      return { entry: this.ledger.record(this.index, sentAt, operation, 'acked', answer(value)), value };
    } catch (error) {
      const refused = refusal(error);
      return {
        entry: this.ledger.record(this.index, sentAt, operation, refused ? 'rejected' : 'unknown', refused ?? {}),
      };
    }
  }

  /** After an operation without an answer on `id`: the contact's version now, or forget it when it is gone. */
  private async resyncContact(id: string): Promise<void> {
    try {
      this.owned.contacts.set(id, { version: (await this.crm.contacts.get(id)).version });
    } catch {
      this.owned.contacts.delete(id); // deleted, or unreachable for a minute: leave it alone from now on
    }
  }

  private async resyncDeal(id: string): Promise<void> {
    try {
      const deal = await this.crm.deals.get(id);
      this.owned.deals.set(id, { version: deal.version, stageId: deal.stageId });
    } catch {
      this.owned.deals.delete(id);
    }
  }

  readonly ops = {
    createContact: async () => {
      const marker = this.marker('c');
      const { value } = await this.attempt(
        { op: 'contact.create', marker },
        () => this.crm.contacts.create({ firstName: 'Soak', lastName: marker, emails: [`${marker}@soak.test`] }),
        (c) => ({ id: c.id, version: c.version }),
      );
      if (value) this.owned.contacts.set(value.id, { version: value.version });
    },
    updateContact: async () => {
      const [id, c] = pick([...this.owned.contacts]) ?? [];
      if (!id || !c) return this.ops.createContact();
      const title = this.marker('t');
      const { entry, value } = await this.attempt(
        { op: 'contact.update', id, ifVersion: c.version, title },
        () => this.crm.contacts.update(id, { title }, { ifVersion: c.version }),
        (r) => ({ id: r.id, version: r.version }),
      );
      if (value) c.version = value.version;
      else await this.resyncContact(id);
      if (entry.outcome === 'rejected' && entry.answer.status === 404) this.owned.contacts.delete(id);
    },
    deleteContact: async () => {
      const [id, c] = pick([...this.owned.contacts]) ?? [];
      if (!id || !c) return this.ops.createContact();
      const { entry } = await this.attempt(
        { op: 'contact.delete', id, ifVersion: c.version },
        () => this.crm.contacts.remove(id, { ifVersion: c.version }),
        () => ({ id }),
      );
      if (entry.outcome === 'acked') this.owned.contacts.delete(id);
      else await this.resyncContact(id);
    },
    createDeal: async () => {
      const marker = this.marker('d');
      const stageId = pick(this.stageIds);
      const { value } = await this.attempt(
        { op: 'deal.create', marker, stageId },
        () => this.crm.deals.create({ name: marker, stageId, amount: 1000 }),
        (d) => ({ id: d.id, version: d.version }),
      );
      if (value) this.owned.deals.set(value.id, { version: value.version, stageId: value.stageId });
    },
    moveDeal: async () => {
      const [id, d] = pick([...this.owned.deals]) ?? [];
      if (!id || !d) return this.ops.createDeal();
      const stageId = pick(this.stageIds);
      // Next to a deal of the target stage (anyone's): concurrent moves to the same spot test the ranks.
      let neighbours: string[] = [];
      try {
        neighbours = (await this.crm.deals.list({ filter: { stageId }, limit: 8 })).data
          .map((n) => n.id)
          .filter((n) => n !== id);
      } catch {}
      const near = neighbours.length ? pick(neighbours) : undefined;
      const place = near ? (Math.random() < 0.5 ? { afterId: near } : { beforeId: near }) : {};
      const { entry, value } = await this.attempt(
        { op: 'deal.move', id, ifVersion: d.version, stageId, ...place },
        () => this.crm.deals.move(id, { stageId, ...place }, { ifVersion: d.version }),
        (r) => ({ id: r.id, version: r.version }),
      );
      if (value) Object.assign(d, { version: value.version, stageId });
      else if (entry.outcome === 'unknown' || entry.answer.status === 412) await this.resyncDeal(id);
    },
    createTicket: async () => {
      if (!this.requesterId) {
        const marker = this.marker('r');
        const { value } = await this.attempt(
          { op: 'contact.create', marker },
          () => this.crm.contacts.create({ firstName: 'Requester', lastName: marker }),
          (c) => ({ id: c.id, version: c.version }),
        );
        if (!value) return;
        this.requesterId = value.id;
      }
      const requesterId = this.requesterId;
      const marker = this.marker('k');
      const { value } = await this.attempt(
        { op: 'ticket.create', marker, requesterId },
        () => this.crm.tickets.create({ subject: marker, requesterId }),
        (t) => ({ id: t.id, version: t.version }),
      );
      if (value) this.owned.tickets.push(value.id);
    },
    reply: async () => {
      if (this.owned.tickets.length === 0) return this.ops.createTicket();
      const ticketId = pick(this.owned.tickets);
      const marker = this.marker('m');
      await this.attempt(
        { op: 'ticket.reply', ticketId, marker },
        () => this.crm.tickets.reply(ticketId, { body: `Reply ${marker}` }),
        (m) => ({ id: m.id }),
      );
    },
    batch: async () => {
      const [id, c] = pick([...this.owned.contacts]) ?? [];
      const creates = [this.marker('b'), this.marker('b')];
      const change = id && c ? (Math.random() < 0.7 ? 'update' : 'delete') : null;
      const title = this.marker('t');
      const items: Extract<Operation, { op: 'batch' }>['items'] = creates.map((marker) => ({
        op: 'create' as const,
        marker,
      }));
      if (change === 'update') items.push({ op: 'update', id: id!, ifVersion: c!.version, title });
      if (change === 'delete') items.push({ op: 'delete', id: id!, ifVersion: c!.version });
      const { value } = await this.attempt(
        { op: 'batch', items },
        () =>
          this.crm.contacts.batch(
            items.map((item) =>
              item.op === 'create'
                ? { op: 'create', data: { firstName: 'Batch', lastName: item.marker } }
                : item.op === 'update'
                  ? { op: 'update', id: item.id, data: { title: item.title }, ifVersion: item.ifVersion }
                  : { op: 'delete', id: item.id, ifVersion: item.ifVersion },
            ),
          ),
        (r) => ({
          items: r.results.map((x) => ({ status: x.status, id: x.data?.id, version: x.data?.version })),
        }),
      );
      if (value) {
        for (const [i, x] of value.results.entries()) {
          if (items[i]!.op === 'create' && x.data) this.owned.contacts.set(x.data.id, { version: x.data.version });
          if (items[i]!.op === 'update' && x.data) this.owned.contacts.set(x.data.id, { version: x.data.version });
          if (items[i]!.op === 'delete' && x.status === 204) this.owned.contacts.delete(id!);
        }
      } else if (id) await this.resyncContact(id);
    },
    convertLead: async () => {
      const lead = this.owned.leads.pop();
      if (!lead) {
        const marker = this.marker('l');
        const { value } = await this.attempt(
          { op: 'lead.create', marker },
          () =>
            this.crm.leads.create({
              name: `Lead ${marker}`,
              companyName: `${marker}-co`,
              email: `${marker}@lead.test`,
            }),
          (l) => ({ id: l.id, version: l.version }),
        );
        if (value) this.owned.leads.push(value.id);
        return;
      }
      const marker = this.marker('v');
      await this.attempt(
        { op: 'lead.convert', leadId: lead, marker },
        () => this.crm.leads.convert(lead, { deal: { name: `${marker}-deal`, amount: 5000 } }),
        (r) => ({
          conversion: { contactId: r.contact.id, companyId: r.company?.id ?? null, dealId: r.deal?.id ?? null },
        }),
      );
    },
  };
}
