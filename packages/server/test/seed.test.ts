import * as en from '@crmkit/core/glossary/en';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FITNESS_RULES } from '../seed/fitness-rules.js';
import { createCrmServer } from '../src/app.js';
import { manualClock } from '../src/core/clock.js';
import type { Database } from '../src/db/types.js';
import { isEmptyDatabase, seedDatabase } from '../src/seeding.js';
import { term } from '../src/workspace/builtin.js';
import type { ProvisionedWorkspace } from '../src/workspace/provision.js';
import { freshDatabase } from './harness.js';

/** A fresh database seeded with `kind`, and a server on it. */
async function seeded(kind: 'demo' | 'fitness') {
  const { db, drop } = await freshDatabase();
  const started = performance.now();
  const workspaces = await seedDatabase(db, kind);
  const ms = performance.now() - started;
  const server = await createCrmServer({ db, clock: manualClock('2026-11-01T00:00:00Z') });
  const call = async (key: string, path: string) => {
    const res = await server.fetch(
      new Request(`http://crm.test${path}`, { headers: { authorization: `Bearer ${key}` } }),
    );
    return { status: res.status, body: (await res.json()) as any };
  };
  return { db, drop, server, workspaces, call, ms };
}

type Seeded = Awaited<ReturnType<typeof seeded>>;

/** The content of a campaign, as a preview request takes it. */
const pick = (c: any) => ({ segmentId: c.segmentId, channel: c.channel, subject: c.subject, template: c.template });

const count = async (db: Database, table: string, ws: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE workspace_id = $1`, [ws])).rows[0]!.n;

/** Every page of a list, through the API. */
async function all(s: Seeded, key: string, path: string): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | null = null;
  do {
    const sep: string = path.includes('?') ? '&' : '?';
    const page = await s.call(key, `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.status).toBe(200);
    out.push(...page.body.data);
    cursor = page.body.nextCursor;
  } while (cursor);
  return out;
}

type Labelled = { key?: string; name?: string; label: Record<string, string> };

/**
 * The workspace's own labels — pipelines and their stages, lead sources, custom fields and their options — say each thing in
 * English, Vietnamese and Thai; one that names a concept of the glossary (`Won`, `Referral`, `Walk-in`…) says it with
 * the glossary's term, the term the widgets' catalogs use.
 */
function expectLocalizedLabels(schema: any): void {
  const pipelines: Labelled[] = schema.pipelines;
  const stages: Labelled[] = pipelines.flatMap((p: any) => p.stages);
  const fields = Object.values(schema.fields)
    .flat()
    .filter((f: any) => f.custom) as Labelled[];
  const options: Labelled[] = fields.flatMap((f: any) => f.options ?? []);
  for (const x of [...pipelines, ...stages, ...schema.leadSources, ...fields, ...options] as Labelled[]) {
    const what = x.name ?? x.key ?? JSON.stringify(x.label);
    expect(Object.keys(x.label ?? {}).sort(), what).toEqual(['en', 'th', 'vi']);
  }
  const concept = (english = '') => Object.entries(en).find(([, term]) => term === english)?.[0];
  for (const x of [...pipelines, ...stages, ...schema.leadSources] as Labelled[]) {
    const known = concept(x.label.en);
    if (known) expect(x.label, `${x.label.en} is the glossary's ${known}`).toEqual(term(known as keyof typeof en));
  }
}

describe('demo seed', () => {
  let a: Seeded;
  let b: Seeded;
  let demo: ProvisionedWorkspace;
  let bkk: ProvisionedWorkspace;
  beforeAll(async () => {
    a = await seeded('demo');
    b = await seeded('demo');
    [demo, bkk] = a.workspaces as [ProvisionedWorkspace, ProvisionedWorkspace];
    console.info(`demo seed: ${Math.round(a.ms)} ms, ${Math.round(b.ms)} ms`);
  }, 180_000);
  afterAll(async () => {
    await a?.drop();
    await b?.drop();
  });

  it('creates Saigon Software Co. and Bangkok Trading with their keys', async () => {
    expect(a.workspaces.map((w) => [w.id, w.name])).toEqual([
      ['ws_demo', 'Saigon Software Co.'],
      ['ws_bkk', 'Bangkok Trading'],
    ]);
    expect(Object.keys(demo.keys)).toEqual(['admin', 'agent', 'viewer']);
    expect(Object.keys(bkk.keys)).toEqual(['admin']);
    for (const [label, key] of Object.entries(demo.keys)) {
      const me = await a.call(key, '/v1/me');
      expect(me.status).toBe(200);
      expect(me.body.role).toBe(label);
      expect(me.body.workspace).toEqual({ id: 'ws_demo', name: 'Saigon Software Co.' });
      expect(me.body.user.role).toBe(label);
    }
    const me = await a.call(bkk.keys.admin!, '/v1/me');
    expect(me.body).toMatchObject({ role: 'admin', workspace: { id: 'ws_bkk', name: 'Bangkok Trading' } });
  });

  it('labels stages, lead sources and custom fields in every language, with the glossary’s terms', async () => {
    const saigon = (await a.call(demo.keys.viewer!, '/v1/schema')).body;
    const bangkok = (await a.call(bkk.keys.admin!, '/v1/schema')).body;
    expectLocalizedLabels(saigon);
    expectLocalizedLabels(bangkok);
    const names = (schema: any, locale: string) => schema.pipelines[0].stages.map((s: any) => s.label[locale]);
    expect(names(saigon, 'vi')).toEqual([
      'Tiếp cận',
      'Xác định nhu cầu',
      'Gửi báo giá',
      'Đàm phán',
      'Thành công',
      'Thất bại',
    ]);
    expect(names(bangkok, 'th')).toEqual(['ลูกค้าเป้าหมาย', 'เสนอราคา', 'ปิดการขายได้', 'ปิดการขายไม่ได้']);
  });

  it('seeds through the engine: the same ids and content every time', async () => {
    const paths = [
      '/v1/contacts',
      '/v1/companies',
      '/v1/deals',
      '/v1/leads',
      '/v1/tickets',
      '/v1/activities',
      '/v1/users',
    ];
    for (const path of [...paths, '/v1/teams', '/v1/pipelines']) {
      const first = await all(a, demo.keys.admin!, path);
      const second = await all(b, b.workspaces[0]!.keys.admin!, path);
      expect(second, path).toEqual(first);
    }
    const thread = (s: Seeded, key: string) => s.call(key, '/v1/tickets/tkt_demo_0042/messages');
    const [first, second] = [await thread(a, demo.keys.admin!), await thread(b, b.workspaces[0]!.keys.admin!)];
    expect(first.body.data.length).toBeGreaterThan(0);
    expect(second.body).toEqual(first.body);
    expect(first.body.data[0].id).toMatch(/^msg_demo_\d{4}$/);
    for (const sql of [
      "SELECT * FROM activities WHERE type = 'system' ORDER BY id",
      'SELECT * FROM ticket_messages ORDER BY id',
    ]) {
      expect((await b.db.query(sql)).rows, sql).toEqual((await a.db.query(sql)).rows);
    }
    const schema = (s: Seeded, key: string) => s.call(key, '/v1/schema');
    expect((await schema(b, b.workspaces[0]!.keys.admin!)).body).toEqual((await schema(a, demo.keys.admin!)).body);
  });

  it('has about the data the demo promises', async () => {
    expect(await count(a.db, 'users', 'ws_demo')).toBe(9);
    expect(await count(a.db, 'companies', 'ws_demo')).toBe(50);
    expect(await count(a.db, 'contacts', 'ws_demo')).toBe(300);
    expect(await count(a.db, 'tickets', 'ws_demo')).toBe(200);
    expect(await count(a.db, 'deals', 'ws_demo')).toBe(120);
    expect(await count(a.db, 'leads', 'ws_demo')).toBe(40);
    expect(await count(a.db, 'ticket_messages', 'ws_demo')).toBeGreaterThan(400);
    const activities = await count(a.db, 'activities', 'ws_demo');
    // 560 sales activities, birthday reminders, stage changes, and the open deals' recent calls and follow-ups.
    expect(activities).toBeGreaterThanOrEqual(560);
    expect(activities).toBeLessThan(800);
    const { rows: deals } = await a.db.query<{ status: string; n: number; zero: number }>(
      `SELECT status, count(*)::int AS n, count(*) FILTER (WHERE amount % 500000 <> 0)::int AS zero
         FROM deals WHERE workspace_id = 'ws_demo' GROUP BY 1 ORDER BY 1`,
    );
    expect(deals.map((d) => d.status)).toEqual(['lost', 'open', 'won']);
    expect(deals.every((d) => d.zero === 0)).toBe(true);
    for (const table of ['companies', 'contacts', 'deals', 'leads', 'tickets', 'activities']) {
      expect(await count(a.db, table, 'ws_bkk'), table).toBeGreaterThan(0);
    }
    const { rows: statuses } = await a.db.query<{ status: string }>(
      "SELECT DISTINCT status FROM tickets WHERE workspace_id = 'ws_demo' ORDER BY 1",
    );
    expect(statuses.map((r) => r.status)).toEqual(['closed', 'new', 'on_hold', 'open', 'pending', 'solved']);
    // The newest new tickets wait unassigned in the support team's queue (handed back by its lead).
    const { rows: waiting } = await a.db.query<{ team_id: string; status: string }>(
      "SELECT team_id, status FROM tickets WHERE workspace_id = 'ws_demo' AND assignee_id IS NULL",
    );
    expect(waiting).toEqual(Array(4).fill({ team_id: 'tea_demo_support', status: 'new' }));
    const { rows: kinds } = await a.db.query<{ kind: string; author_type: string }>(
      "SELECT DISTINCT kind, author_type FROM ticket_messages WHERE workspace_id = 'ws_demo' ORDER BY 1, 2",
    );
    expect(kinds).toEqual([
      { kind: 'note', author_type: 'user' },
      { kind: 'reply', author_type: 'contact' },
      { kind: 'reply', author_type: 'user' },
    ]);
    const { rows: purposes } = await a.db.query<{ purpose: string }>(
      "SELECT DISTINCT purpose FROM activities WHERE workspace_id = 'ws_demo' AND type = 'task' ORDER BY 1",
    );
    expect(purposes.map((r) => r.purpose)).toEqual(expect.arrayContaining(['birthday_greeting', 'call_back']));
  });

  it('serves realistic, valid records', async () => {
    const key = demo.keys.agent!;
    const contact = (await a.call(key, '/v1/contacts/con_demo_0001')).body;
    expect(contact.phones[0]).toMatch(/^\+(84|66|44)\d+$/);
    expect(contact.emails[0]).toMatch(/@/);
    expect(['website', 'referral', 'facebook', 'zalo', 'event', 'cold_call']).toContain(contact.source);
    const deals = await all(a, key, `/v1/deals?filter[stageId]=${'stg_demo_won'}`);
    expect(deals.length).toBeGreaterThan(10);
    for (const deal of deals) {
      expect(deal).toMatchObject({ currency: 'VND', pipelineId: 'pip_demo_sales', status: 'won', probability: 100 });
      expect(Number.isInteger(deal.amount)).toBe(true);
      expect(deal.closedAt > deal.createdAt).toBe(true);
      expect([6, 12, 24, 36]).toContain(deal.customFields.contractMonths);
    }
    const history = await all(a, key, `/v1/activities?filter[dealId]=${deals[0].id}`);
    expect(history.some((h) => h.type === 'system' && /→ Won$/.test(h.subject))).toBe(true);
    const ticket = (await a.call(key, '/v1/tickets/tkt_demo_0200')).body;
    expect(ticket.number).toBe(200);
    expect(ticket.teamId).toBe('tea_demo_support');
    expect(ticket.sla?.policyId).toMatch(/^sla_demo_/);
    const schema = (await a.call(key, '/v1/schema')).body;
    expect(schema.workspace).toMatchObject({
      defaultCurrency: 'VND',
      defaultLocale: 'vi-VN',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    expect(schema.pipelines[0].stages.map((s: any) => [s.name, s.probability, s.kind])).toEqual([
      ['Lead in', 10, 'open'],
      ['Qualified', 25, 'open'],
      ['Proposal', 50, 'open'],
      ['Negotiation', 75, 'open'],
      ['Won', 100, 'won'],
      ['Lost', 0, 'lost'],
    ]);
    expect(schema.leadSources.map((s: any) => s.key)).toEqual([
      'website',
      'referral',
      'facebook',
      'zalo',
      'event',
      'cold_call',
    ]);
    const custom = (entity: string) => schema.fields[entity].filter((f: any) => f.custom).map((f: any) => f.key);
    expect(custom('contact')).toEqual(['preferredChannel']);
    expect(custom('company')).toEqual(['taxCode']);
    expect(custom('deal')).toEqual(['contractMonths']);
  });

  it('writes the Bangkok workspace in Thai: names, activities and tickets in Thai script', async () => {
    const key = bkk.keys.admin!;
    const thai = (text: unknown) => /\p{Script=Thai}/u.test(String(text ?? ''));
    const share = (xs: unknown[]) => xs.filter(thai).length / xs.length;
    const contacts = await all(a, key, '/v1/contacts');
    expect(share(contacts.map((c) => `${c.firstName} ${c.lastName}`))).toBeGreaterThan(0.7);
    // Thai names are stored as Thai write them, given name first, with addresses in Latin letters.
    for (const c of contacts.filter((c) => thai(c.firstName))) {
      expect(c.nameOrder).toBe('given_first');
      expect(c.emails.every((e: string) => /^[a-z0-9.@-]+$/.test(e))).toBe(true);
    }
    const activities = await all(a, key, '/v1/activities');
    expect(share(activities.map((x) => x.subject ?? x.body))).toBeGreaterThan(0.7);
    const tickets = await all(a, key, '/v1/tickets');
    expect(share(tickets.map((x) => x.subject))).toBeGreaterThan(0.5);
    // Deals are named and lost in Thai (the customer's registered name may stay in Latin letters).
    const deals = await all(a, key, '/v1/deals');
    expect(deals.length).toBeGreaterThan(0);
    expect(share(deals.map((x) => x.name))).toBe(1);
    expect(deals.filter((x) => x.lostReason).every((x) => thai(x.lostReason))).toBe(true);
    const users = await all(a, key, '/v1/users');
    expect(users.map((u) => u.name)).toEqual(expect.arrayContaining(['อาทิตย์ บุญมี', 'สุดา แซ่ตั้ง']));
  });

  it('keeps the two workspaces apart', async () => {
    const other = await a.call(bkk.keys.admin!, '/v1/contacts/con_demo_0001');
    expect(other.status).toBe(404);
    const bkkContacts = await all(a, bkk.keys.admin!, '/v1/contacts');
    expect(bkkContacts.length).toBe(15);
    expect(bkkContacts.every((c) => c.id.startsWith('con_bkk_'))).toBe(true);
  });

  it('tells seeded databases from empty ones and never seeds twice', async () => {
    expect(await isEmptyDatabase(a.db)).toBe(false);
    await expect(seedDatabase(a.db, 'demo')).rejects.toThrow(/workspace ws_demo already exists/);
    const fresh = await freshDatabase();
    expect(await isEmptyDatabase(fresh.db)).toBe(true);
    await fresh.drop();
  });
});

describe('fitness seed', () => {
  let f: Seeded;
  let club: ProvisionedWorkspace;
  beforeAll(async () => {
    f = await seeded('fitness');
    club = f.workspaces[0]!;
    console.info(`fitness seed: ${Math.round(f.ms)} ms`);
  }, 120_000);
  afterAll(() => f?.drop());

  it('turns the CRM into a club by configuration', async () => {
    expect(f.workspaces.map((w) => w.id)).toEqual(['ws_fitness']);
    const me = await f.call(club.keys.viewer!, '/v1/me');
    expect(me.body).toMatchObject({ role: 'viewer', workspace: { id: 'ws_fitness', name: 'Lotus Fitness Club' } });
    const schema = (await f.call(club.keys.agent!, '/v1/schema')).body;
    expect(schema.entities.contact.labels.singular).toMatchObject({ en: 'Member', vi: 'Hội viên', th: 'สมาชิก' });
    expect(schema.entities.company.enabled).toBe(false);
    expect(schema.fields.contact.filter((x: any) => x.custom).map((x: any) => x.key)).toEqual([
      'membershipPlan',
      'membershipExpiry',
      'visits',
      'visits30d',
      'packageBalance',
      'personalTrainer',
    ]);
    expect(schema.pipelines.map((p: any) => p.name)).toEqual(['Renewals']);
    expectLocalizedLabels(schema);
    expect(schema.leadSources.find((s: any) => s.key === 'walk_in').label.th).toBe('เดินเข้ามาเอง');
    expect((await f.call(club.keys.admin!, '/v1/companies')).status).toBe(404);
  });

  it('has members, check-ins, birthday reminders and requests', async () => {
    expect(await count(f.db, 'contacts', 'ws_fitness')).toBe(150);
    const members = await all(f, club.keys.admin!, '/v1/contacts?filter[customFields.membershipPlan]=vip');
    expect(members.length).toBeGreaterThan(5);
    expect(members.every((m) => m.customFields.membershipPlan === 'vip' && m.customFields.membershipExpiry)).toBe(true);
    const visits = await all(f, club.keys.admin!, '/v1/activities?filter[type]=app');
    expect(visits.length).toBe(420);
    expect(visits.every((v) => v.purpose === 'visit' && v.authorId === null)).toBe(true);
    const { rows } = await f.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM activities WHERE workspace_id = 'ws_fitness' AND purpose = 'birthday_greeting'",
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
    expect(await count(f.db, 'tickets', 'ws_fitness')).toBe(24);
    // Members' requests include freezes and plan changes, Thai members write in Thai, and two new ones wait unassigned.
    const { rows: requests } = await f.db.query<{ tags: string[]; subject: string; assignee_id: string | null }>(
      "SELECT tags, subject, assignee_id FROM tickets WHERE workspace_id = 'ws_fitness'",
    );
    expect(requests.some((r) => r.tags.includes('freeze'))).toBe(true);
    expect(requests.some((r) => r.tags.includes('plan-change'))).toBe(true);
    expect(requests.some((r) => /\p{Script=Thai}/u.test(r.subject))).toBe(true);
    expect(requests.filter((r) => r.assignee_id === null)).toHaveLength(2);
    const { rows: renewals } = await f.db.query<{ stage_id: string }>(
      "SELECT DISTINCT stage_id FROM deals WHERE workspace_id = 'ws_fitness' ORDER BY 1",
    );
    expect(renewals.map((r) => r.stage_id)).toEqual([
      'stg_fit_churned',
      'stg_fit_contacted',
      'stg_fit_expiring',
      'stg_fit_offer',
      'stg_fit_renewed',
    ]);
  });

  it("runs the club's touch plan as automation rules: the next 30 days' renewal reminders and a low-visit nudge", async () => {
    const rules = await all(f, club.keys.admin!, '/v1/automation-rules');
    expect(rules.map((r) => r.id).sort()).toEqual(FITNESS_RULES.map((r) => r.id).sort());
    expect(rules).toHaveLength(12);
    expect(rules.every((r) => r.enabled)).toBe(true);
    const dryRun = async (id: string, body: object) => {
      const res = await f.server.fetch(
        new Request(`http://crm.test/v1/automation-rules/${id}/dry-run`, {
          method: 'POST',
          headers: { authorization: `Bearer ${club.keys.admin}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
      expect(res.status).toBe(200);
      return (await res.json()) as any;
    };
    // Members (active or loyal) whose membership ends 30–59 days after the clock's day are reminded in the next 30.
    const members = await all(f, club.keys.admin!, '/v1/contacts?filter[lifecycleStage][in]=active,loyal');
    const day = (n: number) => new Date(Date.parse('2026-11-01T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
    const due = members.filter((m) => {
      const e = m.customFields.membershipExpiry as string;
      return e >= day(30) && e < day(60);
    });
    const upcoming = (await dryRun('rul_fit_renewal_30', { days: 30 })).upcoming;
    expect(upcoming.length).toBeGreaterThan(0);
    expect(upcoming.map((u: any) => u.recordId).sort()).toEqual(due.map((m) => m.id).sort());
    // The nudge goes to members with fewer than 2 check-ins in the last 30 days, counted from the seeded check-ins.
    const quiet = members.find((m) => m.customFields.visits30d < 2);
    const busy = members.find((m) => m.customFields.visits30d >= 2);
    expect(quiet && busy).toBeTruthy();
    expect((await dryRun('rul_fit_low_visits', { recordId: quiet.id })).matches).toBe(true);
    expect((await dryRun('rul_fit_low_visits', { recordId: busy.id })).matches).toBe(false);
  });
  it('has a Vietnamese renewal offer to the members whose membership expires this month (a draft)', async () => {
    const key = club.keys.admin!;
    const segment = (await f.call(key, '/v1/segments/seg_fit_expiring')).body;
    expect(segment.name).toBe('Members whose membership expires this month');
    // Counted by hand: active and loyal members whose expiry is the clock's day in Ho Chi Minh City (1 November,
    // 07:00 there) or one of the next 30 days.
    const members = await all(f, key, '/v1/contacts?filter[lifecycleStage][in]=active,loyal');
    const expiring = members.filter((m) => {
      const e = m.customFields.membershipExpiry as string;
      return e >= '2026-11-01' && e <= '2026-12-01';
    });
    expect(expiring.length).toBeGreaterThan(3);
    const inSegment = await all(f, key, '/v1/segments/seg_fit_expiring/members');
    expect(inSegment.map((m) => m.id).sort()).toEqual(expiring.map((m) => m.id).sort());

    const campaign = (await f.call(key, '/v1/campaigns/cmp_fit_renewal_offer')).body;
    expect(campaign).toMatchObject({ status: 'draft', channel: 'email', segmentId: 'seg_fit_expiring' });
    const res = await f.server.fetch(
      new Request('http://crm.test/v1/campaigns/preview', {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...pick(campaign), sample: 20 }),
      }),
    );
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: any[] };
    expect(items).toHaveLength(Math.min(20, expiring.length));
    for (const item of items) {
      expect(`${item.subject}\n${item.text}\n${item.html}`).not.toMatch(/\{\{|\}\}/);
      expect(item.text).toContain('Lotus Fitness Club');
      expect(item.text).toMatch(/hết hạn vào ngày \d{4}-\d{2}-\d{2}/);
    }
    // A member without a personal trainer reads the fallback.
    expect(items.some((i) => i.fallbacks.includes('contact.customFields.personalTrainer'))).toBe(true);
    expect(items.find((i) => i.fallbacks.includes('contact.customFields.personalTrainer'))!.text).toContain(
      'đội ngũ Lotus',
    );
  });
});
