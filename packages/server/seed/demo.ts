import type { WorkspaceSettingsInput } from '../src/core/settings.js';
import type { Database, Queryable } from '../src/db/types.js';
import { pipelineResource } from '../src/pipelines/resource.js';
import { term } from '../src/workspace/builtin.js';
import type { ProvisionedWorkspace } from '../src/workspace/provision.js';
import {
  birthdayReminders,
  salesActivities,
  seedCompanies,
  seedContacts,
  seedTickets,
  writeActivities,
} from './b2b.js';
import { SOFTWARE_TOPICS } from './data/ticket-topics.js';
import { dealFollowUps, softwareDeals, writeDeals } from './deals.js';
import { inboundLeads, SMALL_BUSINESSES, SOFTWARE_LEAD_NOTES, writeLeads } from './leads.js';
import { SOFTWARE_LOST_REASONS } from './lost-reasons.js';
import { renumberMessages } from './renumber.js';
import { calendar, customField, options, slaTargets, t, VN_HOLIDAYS_2026_2027 } from './settings.js';
import { seedPart } from './time.js';
import { SeedWriter } from './writer.js';

const SUPPORT = 'tea_demo_support';
const SALES = 'tea_demo_sales';
const DOMAIN = 'saigonsoftware.vn';

/** The demo company's staff: ids are stable so stories and tests can name them. */
export const DEMO_USERS = [
  { id: 'usr_demo_lan', name: 'Nguyễn Thị Lan', email: `lan.nguyen@${DOMAIN}`, role: 'owner', teamIds: [] },
  { id: 'usr_demo_bao', name: 'Trần Quốc Bảo', email: `bao.tran@${DOMAIN}`, role: 'admin', teamIds: [] },
  { id: 'usr_demo_ha', name: 'Lê Thu Hà', email: `ha.le@${DOMAIN}`, role: 'manager', teamIds: [SALES] },
  {
    id: 'usr_demo_huong',
    name: 'Đặng Thu Hương',
    email: `huong.dang@${DOMAIN}`,
    role: 'manager',
    teamIds: [SUPPORT],
    available: false,
  },
  { id: 'usr_demo_minh', name: 'Phạm Văn Minh', email: `minh.pham@${DOMAIN}`, role: 'agent', teamIds: [SUPPORT] },
  {
    id: 'usr_demo_somchai',
    name: 'Somchai Wongsa',
    email: `somchai.wongsa@${DOMAIN}`,
    role: 'agent',
    teamIds: [SUPPORT],
    locale: 'th-TH',
    timeZone: 'Asia/Bangkok',
  },
  { id: 'usr_demo_tam', name: 'Võ Thanh Tâm', email: `tam.vo@${DOMAIN}`, role: 'agent', teamIds: [SUPPORT, SALES] },
  {
    id: 'usr_demo_emily',
    name: 'Emily Carter',
    email: `emily.carter@${DOMAIN}`,
    role: 'agent',
    teamIds: [SALES],
    locale: 'en',
  },
  {
    id: 'usr_demo_kanya',
    name: 'Kanya Srisai',
    email: `kanya.srisai@${DOMAIN}`,
    role: 'viewer',
    teamIds: [],
    locale: 'th-TH',
    timeZone: 'Asia/Bangkok',
  },
] as const;

/** Sales owners of companies, contacts and deals. */
const SELLERS = ['usr_demo_ha', 'usr_demo_tam', 'usr_demo_emily', 'usr_demo_bao'] as const;

/** The demo pipeline's stage ids. */
export const DEMO_STAGES = {
  leadIn: 'stg_demo_lead_in',
  qualified: 'stg_demo_qualified',
  proposal: 'stg_demo_proposal',
  negotiation: 'stg_demo_negotiation',
  won: 'stg_demo_won',
  lost: 'stg_demo_lost',
} as const;

const DEMO_PIPELINE = {
  pipelineId: 'pip_demo_sales',
  currency: 'VND',
  open: [DEMO_STAGES.leadIn, DEMO_STAGES.qualified, DEMO_STAGES.proposal, DEMO_STAGES.negotiation],
  won: DEMO_STAGES.won,
  lost: DEMO_STAGES.lost,
};

const SETTINGS: WorkspaceSettingsInput = {
  defaultLocale: 'vi-VN',
  defaultCurrency: 'VND',
  timeZone: 'Asia/Ho_Chi_Minh',
  customFields: {
    contact: [
      customField('preferredChannel', t('Preferred channel', 'Kênh liên hệ ưa thích', 'ช่องทางที่สะดวก'), 'select', {
        options: options(
          ['phone', t('Phone', 'Điện thoại', 'โทรศัพท์')],
          ['email', t('Email', 'Email', 'อีเมล')],
          ['zalo', t('Zalo', 'Zalo', 'Zalo')],
          ['sms', t('SMS', 'SMS', 'SMS')],
          ['facebook', t('Facebook Messenger', 'Facebook Messenger', 'Facebook Messenger')],
        ),
      }),
    ],
    company: [customField('taxCode', t('Tax code', 'Mã số thuế', 'เลขประจำตัวผู้เสียภาษี'), 'text')],
    deal: [
      customField(
        'contractMonths',
        t('Contract length (months)', 'Thời hạn hợp đồng (tháng)', 'ระยะสัญญา (เดือน)'),
        'number',
        {
          min: 1,
          max: 60,
          card: true,
        },
      ),
    ],
  },
  lostReasons: SOFTWARE_LOST_REASONS,
  leadSources: [
    { key: 'website', label: term('website') },
    { key: 'referral', label: term('referral') },
    { key: 'facebook', label: t('Facebook', 'Facebook', 'Facebook') },
    { key: 'zalo', label: t('Zalo', 'Zalo', 'Zalo') },
    { key: 'event', label: t('Event', 'Sự kiện', 'งานอีเวนต์') },
    { key: 'cold_call', label: t('Cold call', 'Gọi điện chủ động', 'โทรหาลูกค้าใหม่') },
  ],
  businessCalendars: [
    calendar(
      'cal_demo_vn',
      'Giờ làm việc (Việt Nam)',
      'Asia/Ho_Chi_Minh',
      [1, 2, 3, 4, 5],
      { start: '08:30', end: '17:30' },
      VN_HOLIDAYS_2026_2027,
    ),
  ],
  slaPolicies: [
    {
      id: 'sla_demo_live',
      name: 'Chat & phone',
      position: 0,
      calendarId: 'cal_demo_vn',
      conditions: { channels: ['chat', 'phone'] },
      targets: slaTargets({
        urgent: [15, 30, 240],
        high: [30, 60, 480],
        normal: [60, 120, 960],
        low: [120, 240, 1920],
      }),
      warnBeforeMinutes: 10,
    },
    {
      id: 'sla_demo_standard',
      name: 'Standard',
      position: 1,
      calendarId: 'cal_demo_vn',
      conditions: {},
      targets: slaTargets({
        urgent: [30, 60, 480],
        high: [60, 240, 960],
        normal: [240, 480, 1440],
        low: [480, 960, 2880],
      }),
      warnBeforeMinutes: 30,
    },
  ],
  routing: { defaultTeamId: SUPPORT, rules: [] },
};

const CONTACT_TAGS = [
  'vip',
  'newsletter',
  'decision-maker',
  'event-2026',
  'zalo-oa',
  'webinar',
  'renewal-2027',
] as const;
const SOURCES = ['website', 'referral', 'facebook', 'zalo', 'event', 'cold_call'] as const;

/**
 * Seeds "Saigon Software Co." (`ws_demo`): a Vietnamese business-software vendor with sales and support teams,
 * about 50 companies, 300 contacts, a six-stage VND pipeline, 200 tickets with threads and 600 activities.
 */
export async function seedDemoWorkspace(db: Database, tx: Queryable, base: Date): Promise<ProvisionedWorkspace> {
  const { time } = seedPart(base, 'demo');
  const part = (name: string) => seedPart(base, `demo:${name}`);
  const w = await SeedWriter.provision(db, tx, { now: () => time.day(-730) }, 'demo', {
    id: 'ws_demo',
    name: 'Saigon Software Co.',
    settings: SETTINGS,
    teams: [
      { id: SUPPORT, name: 'Support', description: 'Hỗ trợ khách hàng — phiếu hỗ trợ, chat và tổng đài' },
      { id: SALES, name: 'Sales', description: 'Kinh doanh — khách hàng mới và gia hạn' },
    ],
    users: DEMO_USERS.map((u) => ({
      ...u,
      teamIds: [...u.teamIds],
      locale: 'locale' in u ? u.locale : 'vi-VN',
      timeZone: 'timeZone' in u ? u.timeZone : 'Asia/Ho_Chi_Minh',
    })),
    keys: [
      { label: 'admin', role: 'admin', userEmail: `bao.tran@${DOMAIN}` },
      { label: 'agent', role: 'agent', userEmail: `minh.pham@${DOMAIN}` },
      { label: 'viewer', role: 'viewer', userEmail: `kanya.srisai@${DOMAIN}` },
    ],
  });
  await w.create(
    pipelineResource,
    'pip_demo_sales',
    {
      name: 'Sales pipeline',
      label: term('salesPipeline'),
      currency: 'VND',
      isDefault: true,
      stages: [
        {
          id: DEMO_STAGES.leadIn,
          name: 'Lead in',
          label: term('stageLeadIn'),
          probability: 10,
          kind: 'open',
          rottingDays: 21,
        },
        {
          id: DEMO_STAGES.qualified,
          name: 'Qualified',
          label: term('stageQualified'),
          probability: 25,
          kind: 'open',
          rottingDays: 14,
        },
        {
          id: DEMO_STAGES.proposal,
          name: 'Proposal',
          label: term('proposal'),
          probability: 50,
          kind: 'open',
          rottingDays: 10,
        },
        {
          id: DEMO_STAGES.negotiation,
          name: 'Negotiation',
          label: term('negotiation'),
          probability: 75,
          kind: 'open',
          rottingDays: 7,
        },
        { id: DEMO_STAGES.won, name: 'Won', label: term('won'), probability: 100, kind: 'won' },
        { id: DEMO_STAGES.lost, name: 'Lost', label: term('lostDeal'), probability: 0, kind: 'lost' },
      ],
    },
    time.day(-720),
  );

  const c = part('companies');
  const companyList = await seedCompanies(w, c.rng, c.time, { vn: 30, th: 10, intl: 10 }, SELLERS);
  const ct = part('contacts');
  const contacts = await seedContacts(w, ct.rng, ct.time, companyList, {
    count: 300,
    atCompanies: 210,
    mix: { vn: 70, th: 15, en: 15 },
    owners: SELLERS,
    sources: SOURCES,
    tags: CONTACT_TAGS,
    customFields: (r, p): Record<string, string> =>
      r.chance(0.7)
        ? {
            preferredChannel:
              p.origin === 'vn'
                ? r.pick(['zalo', 'zalo', 'phone', 'email', 'facebook'])
                : r.pick(['email', 'phone', 'sms', 'facebook']),
          }
        : {},
  });

  const d = part('deals');
  const deals = await writeDeals(
    w,
    softwareDeals(d.rng, d.time, DEMO_PIPELINE, companyList, contacts, {
      count: 120,
      owners: SELLERS,
      contractField: true,
    }),
  );

  const l = part('leads');
  await writeLeads(
    w,
    inboundLeads(l.rng, l.time, {
      count: 40,
      owners: SELLERS,
      sources: SOURCES,
      businesses: SMALL_BUSINESSES,
      notes: SOFTWARE_LEAD_NOTES,
      mix: { vn: 70, th: 15, en: 15 },
    }),
  );

  const tk = part('tickets');
  await seedTickets(w, tk.rng, tk.time, contacts, {
    count: 200,
    topics: SOFTWARE_TOPICS,
    language: (p) => (p.origin === 'vn' ? 'vi' : 'en'),
    fallbackAgentId: 'usr_demo_minh',
    handBack: { newest: 4, by: 'usr_demo_huong' },
  });
  await renumberMessages(w);

  const f = part('follow-ups');
  const a = part('activities');
  await writeActivities(w, [
    ...dealFollowUps(f.rng, f.time, deals),
    ...salesActivities(a.rng, a.time, contacts, deals, {
      count: 560,
      language: (p) => (p.origin === 'vn' ? 'vi' : 'en'),
    }),
    ...birthdayReminders(a.time, contacts, 60, (c) =>
      c.person.origin === 'vn'
        ? `Chúc mừng sinh nhật ${c.person.firstName.split(' ').at(-1)}`
        : `Wish ${c.person.firstName} a happy birthday`,
    ),
  ]);
  return w.workspace;
}
