import type { WorkspaceSettingsInput } from '../src/core/settings.js';
import type { Database, Queryable } from '../src/db/types.js';
import { pipelineResource } from '../src/pipelines/resource.js';
import { term } from '../src/workspace/builtin.js';
import type { ProvisionedWorkspace } from '../src/workspace/provision.js';
import { salesActivities, seedCompanies, seedContacts, seedTickets, writeActivities } from './b2b.js';
import { SOFTWARE_TOPICS } from './data/ticket-topics.js';
import { softwareDeals, writeDeals } from './deals.js';
import { inboundLeads, writeLeads } from './leads.js';
import { renumberMessages } from './renumber.js';
import { calendar, slaTargets, TH_HOLIDAYS_2026_2027, t } from './settings.js';
import { seedPart } from './time.js';
import { SeedWriter } from './writer.js';

const TEAM = 'tea_bkk_desk';
const DOMAIN = 'bangkoktrading.co.th';

/** The Bangkok pipeline's stage ids. */
export const BKK_STAGES = {
  prospect: 'stg_bkk_prospect',
  quotation: 'stg_bkk_quotation',
  won: 'stg_bkk_won',
  lost: 'stg_bkk_lost',
} as const;

const SETTINGS: WorkspaceSettingsInput = {
  defaultLocale: 'th-TH',
  defaultCurrency: 'THB',
  timeZone: 'Asia/Bangkok',
  leadSources: [
    { key: 'website', label: term('website') },
    { key: 'line', label: t('LINE', 'LINE', 'LINE') },
    { key: 'referral', label: term('referral') },
    { key: 'trade_fair', label: term('tradeFair') },
  ],
  businessCalendars: [
    calendar(
      'cal_bkk',
      'Bangkok office',
      'Asia/Bangkok',
      [1, 2, 3, 4, 5],
      { start: '09:00', end: '18:00' },
      TH_HOLIDAYS_2026_2027,
    ),
  ],
  slaPolicies: [
    {
      id: 'sla_bkk_standard',
      name: 'Standard',
      position: 0,
      calendarId: 'cal_bkk',
      conditions: {},
      targets: slaTargets({
        urgent: [60, 120, 480],
        high: [120, 240, 960],
        normal: [480, 960, 2880],
        low: [960, 1440, 4800],
      }),
      warnBeforeMinutes: 30,
    },
  ],
  routing: { defaultTeamId: TEAM, rules: [] },
};

/**
 * Seeds "Bangkok Trading" (`ws_bkk`): a small Thai workspace in THB with an admin key and a handful of
 * companies, contacts, tickets and activities — it proves that workspaces never see each other's data.
 */
export async function seedBangkokWorkspace(db: Database, tx: Queryable, base: Date): Promise<ProvisionedWorkspace> {
  const { time } = seedPart(base, 'bkk');
  const part = (name: string) => seedPart(base, `bkk:${name}`);
  const w = await SeedWriter.provision(db, tx, { now: () => time.day(-400) }, 'bkk', {
    id: 'ws_bkk',
    name: 'Bangkok Trading',
    settings: SETTINGS,
    teams: [{ id: TEAM, name: 'Sales desk', description: 'Sales and customer service' }],
    users: [
      {
        id: 'usr_bkk_arthit',
        name: 'อาทิตย์ บุญมี',
        email: `arthit@${DOMAIN}`,
        role: 'admin',
        teamIds: [TEAM],
        locale: 'th-TH',
        timeZone: 'Asia/Bangkok',
      },
      {
        id: 'usr_bkk_suda',
        name: 'สุดา แซ่ตั้ง',
        email: `suda@${DOMAIN}`,
        role: 'agent',
        teamIds: [TEAM],
        locale: 'th-TH',
        timeZone: 'Asia/Bangkok',
      },
    ],
    keys: [{ label: 'admin', role: 'admin', userEmail: `arthit@${DOMAIN}` }],
  });
  const owners = ['usr_bkk_arthit', 'usr_bkk_suda'];

  await w.create(
    pipelineResource,
    'pip_bkk_sales',
    {
      name: 'Sales',
      label: term('salesPipeline'),
      currency: 'THB',
      isDefault: true,
      stages: [
        {
          id: BKK_STAGES.prospect,
          name: 'Prospect',
          label: term('prospect'),
          probability: 20,
          kind: 'open',
          rottingDays: 14,
        },
        {
          id: BKK_STAGES.quotation,
          name: 'Quotation',
          label: term('quotation'),
          probability: 50,
          kind: 'open',
          rottingDays: 10,
        },
        { id: BKK_STAGES.won, name: 'Won', label: term('won'), probability: 100, kind: 'won' },
        { id: BKK_STAGES.lost, name: 'Lost', label: term('lostDeal'), probability: 0, kind: 'lost' },
      ],
    },
    time.day(-390),
  );

  const c = part('companies');
  const companyList = await seedCompanies(w, c.rng, c.time, { vn: 0, th: 6, intl: 0 }, owners);
  const ct = part('contacts');
  const contacts = await seedContacts(w, ct.rng, ct.time, companyList, {
    count: 15,
    atCompanies: 12,
    mix: { vn: 0, th: 90, en: 10 },
    thaiScript: true,
    owners,
    sources: ['website', 'line', 'referral', 'trade_fair'],
    tags: ['wholesale', 'retail', 'vip'],
  });
  const d = part('deals');
  const stages = {
    pipelineId: 'pip_bkk_sales',
    currency: 'THB',
    open: [BKK_STAGES.prospect, BKK_STAGES.quotation],
    won: BKK_STAGES.won,
    lost: BKK_STAGES.lost,
  };
  // About 1,400 THB per million VND, in satang (THB has two decimals).
  const deals = await writeDeals(
    w,
    softwareDeals(d.rng, d.time, stages, companyList, contacts, {
      count: 6,
      owners,
      contractField: false,
      language: 'th',
      amountScale: 0.14,
    }),
  );
  const l = part('leads');
  await writeLeads(
    w,
    inboundLeads(l.rng, l.time, {
      count: 3,
      owners,
      sources: ['website', 'line', 'referral', 'trade_fair'],
      businesses: ['Siam Spa & Wellness', 'Bangkok Street Food Co.', 'Chiang Mai Crafts'],
      notes: ['ขอรายการราคาขายส่ง', 'เจอกันที่งานแสดงสินค้าไบเทค'],
      mix: { vn: 0, th: 90, en: 10 },
      thaiScript: true,
    }),
  );
  const tk = part('tickets');
  await seedTickets(w, tk.rng, tk.time, contacts, {
    count: 4,
    topics: SOFTWARE_TOPICS.filter((topic) => topic.tags.includes('billing')),
    language: (p) => (p.origin === 'th' ? 'th' : 'en'),
    team: 'th',
    fallbackAgentId: 'usr_bkk_suda',
  });
  await renumberMessages(w);
  const a = part('activities');
  await writeActivities(
    w,
    salesActivities(a.rng, a.time, contacts, deals, { count: 12, language: (p) => (p.origin === 'th' ? 'th' : 'en') }),
  );
  return w.workspace;
}
