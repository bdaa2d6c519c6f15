import type { Queryable } from '@crmkit/server';

/** An event of the log, as the checks read it. */
export interface EventRow {
  id: number;
  type: string;
  resource: string;
  resource_id: string;
  version: number | null;
  data_id: string | null;
}

/** A stored record, as the checks read it. */
export type Row = Record<string, unknown> & { id: string; version: number };

type Contact = Row & { last_name: string; title: string | null; emails: string[] };
type Deal = Row & { name: string; stage_id: string; rank: string };
type Lead = Row & {
  name: string;
  status: string;
  converted_contact_id: string | null;
  converted_company_id: string | null;
  converted_deal_id: string | null;
};

const byKey = <T>(list: readonly T[], key: (t: T) => string) => {
  const map = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    map.set(k, [...(map.get(k) ?? []), item]);
  }
  return map;
};

/** Everything the soak wrote to one workspace, read straight from the database, with the lookups the checks use. */
export async function loadState(db: Queryable, ws: string) {
  const rows = async <T>(sql: string) => (await db.query<T>(sql, [ws])).rows;
  const contacts = await rows<Contact>(
    'SELECT id, version, last_name, title, emails FROM contacts WHERE workspace_id = $1',
  );
  const deals = await rows<Deal>('SELECT id, version, name, stage_id, rank FROM deals WHERE workspace_id = $1');
  const tickets = await rows<Row & { subject: string }>(
    'SELECT id, version, subject FROM tickets WHERE workspace_id = $1',
  );
  const leads = await rows<Lead>(
    'SELECT id, version, name, status, converted_contact_id, converted_company_id, converted_deal_id FROM leads WHERE workspace_id = $1',
  );
  const companies = await rows<Row & { name: string }>(
    'SELECT id, version, name FROM companies WHERE workspace_id = $1',
  );
  const messages = await rows<Row & { ticket_id: string; body_text: string }>(
    'SELECT id, 0 AS version, ticket_id, body_text FROM ticket_messages WHERE workspace_id = $1',
  );
  const events = await rows<EventRow>(
    `SELECT seq::int AS id, type, resource, resource_id, (data->>'version')::int AS version, data->>'id' AS data_id
       FROM events WHERE workspace_id = $1 ORDER BY seq`,
  );
  const eventsByRecord = byKey(events, (e) => `${e.resource}/${e.resource_id}`);
  return {
    contacts,
    deals,
    leads,
    events,
    contactsByMarker: byKey(contacts, (c) => c.last_name),
    contactsById: new Map(contacts.map((c) => [c.id, c])),
    dealsByName: byKey(deals, (d) => d.name),
    dealsById: new Map(deals.map((d) => [d.id, d])),
    dealsByStage: byKey(deals, (d) => d.stage_id),
    ticketsBySubject: byKey(tickets, (t) => t.subject),
    leadsByName: byKey(leads, (l) => l.name),
    leadsById: new Map(leads.map((l) => [l.id, l])),
    companiesByName: byKey(companies, (c) => c.name),
    companyIds: new Set(companies.map((c) => c.id)),
    messagesByMarker: byKey(messages, (m) => /Reply (\S+)/.exec(m.body_text)?.[1] ?? ''),
    messageEvents: new Set(events.filter((e) => e.type === 'ticket.message.created').map((e) => e.data_id)),
    eventsByRecord,
    /** Whether record `resource/id` has an event that `match`es. */
    hasEvent: (resource: string, id: string, match: (e: EventRow) => boolean) =>
      (eventsByRecord.get(`${resource}/${id}`) ?? []).some(match),
  };
}

export type State = Awaited<ReturnType<typeof loadState>>;

/** What the checks found so far. */
export class Findings {
  lost = 0;
  duplicated = 0;
  verified = 0;
  readonly unknown = { total: 0, applied: 0, notApplied: 0 };
  readonly checks = {
    versionsMonotonic: true,
    batchesAtomic: true,
    conversionsAtomic: true,
    ranksTotalOrder: true,
    feedComplete: true,
    feedDeliveredOnce: true,
    feedResumable: true,
  };
  readonly problems: string[] = [];

  /** Notes a problem (the first 50 are kept) and marks `check` failed, if given. */
  problem(text: string, check?: keyof Findings['checks']): void {
    if (check) this.checks[check] = false;
    if (this.problems.length < 50) this.problems.push(text);
  }

  /** Counts an operation without an answer as applied, or not. */
  unanswered(applied: boolean | null): void {
    this.unknown.total++;
    if (applied === true) this.unknown.applied++;
    if (applied === false) this.unknown.notApplied++;
  }
}
