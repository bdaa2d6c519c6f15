import type { WorkspaceSettingsInput } from '../src/core/settings.js';
import type { Database, Queryable } from '../src/db/types.js';
import { pipelineResource } from '../src/pipelines/resource.js';
import { term } from '../src/workspace/builtin.js';
import type { ProvisionedWorkspace } from '../src/workspace/provision.js';
import { birthdayReminders, type SeededContact, seedContacts, seedTickets, writeActivities } from './b2b.js';
import { FITNESS_TOPICS } from './data/ticket-topics.js';
import { type DealPlan, writeDeals } from './deals.js';
import { checkIns, memberCare } from './fitness-activities.js';
import { seedFitnessMarketing } from './fitness-marketing.js';
import { seedFitnessRules, seedRecentVisits } from './fitness-rules.js';
import { inboundLeads, writeLeads } from './leads.js';
import { FITNESS_LOST_REASONS } from './lost-reasons.js';
import { fullName } from './people.js';
import type { Rng } from './random.js';
import { renumberMessages } from './renumber.js';
import { calendar, customField, options, slaTargets, t, VN_HOLIDAYS_2026_2027 } from './settings.js';
import { type SeedTime, seedPart } from './time.js';
import { SeedWriter } from './writer.js';

const FRONT_DESK = 'tea_fit_front';
const TRAINERS = 'tea_fit_trainers';
const DOMAIN = 'lotusfitness.vn';

/** The renewals pipeline's stage ids. */
export const FITNESS_STAGES = {
  expiring: 'stg_fit_expiring',
  contacted: 'stg_fit_contacted',
  offer: 'stg_fit_offer',
  renewed: 'stg_fit_renewed',
  churned: 'stg_fit_churned',
} as const;

/** Yearly price of each plan, in VND. */
export const PLAN_PRICES = { basic: 6_000_000, premium: 12_000_000, vip: 24_000_000 } as const;
type Plan = keyof typeof PLAN_PRICES;

const SETTINGS: WorkspaceSettingsInput = {
  defaultLocale: 'vi-VN',
  defaultCurrency: 'VND',
  timeZone: 'Asia/Ho_Chi_Minh',
  modules: { company: false },
  labels: {
    contact: { singular: t('Member', 'Hội viên', 'สมาชิก'), plural: t('Members', 'Hội viên', 'สมาชิก') },
    deal: { singular: t('Renewal', 'Gia hạn', 'การต่ออายุ'), plural: t('Renewals', 'Gia hạn', 'การต่ออายุ') },
    ticket: { singular: t('Request', 'Yêu cầu', 'คำร้อง'), plural: t('Requests', 'Yêu cầu', 'คำร้อง') },
    lead: { singular: t('Prospect', 'Khách tập thử', 'ผู้สนใจ'), plural: t('Prospects', 'Khách tập thử', 'ผู้สนใจ') },
  },
  lostReasons: FITNESS_LOST_REASONS,
  customFields: {
    contact: [
      customField('membershipPlan', t('Membership plan', 'Gói hội viên', 'แพ็กเกจสมาชิก'), 'select', {
        options: options(
          ['basic', t('Basic', 'Cơ bản', 'เบสิก')],
          ['premium', t('Premium', 'Cao cấp', 'พรีเมียม')],
          ['vip', t('VIP', 'VIP', 'วีไอพี')],
        ),
      }),
      customField('membershipExpiry', t('Membership expiry', 'Ngày hết hạn thẻ', 'วันหมดอายุสมาชิก'), 'date'),
      customField('visits', t('Visits', 'Số lần đến tập', 'จำนวนครั้งที่เข้าใช้'), 'number', { min: 0 }),
      customField('visits30d', t('Visits, last 30 days', 'Lượt tập 30 ngày qua', 'เข้าใช้ 30 วันล่าสุด'), 'number', {
        min: 0,
      }),
      customField('packageBalance', t('PT package balance', 'Số dư gói PT', 'ยอดคงเหลือแพ็กเกจ PT'), 'currency', {
        currency: 'VND',
        min: 0,
      }),
      customField('personalTrainer', t('Personal trainer', 'Huấn luyện viên cá nhân', 'เทรนเนอร์ส่วนตัว'), 'text'),
    ],
  },
  leadSources: [
    { key: 'walk_in', label: term('walkIn') },
    { key: 'referral', label: t('Member referral', 'Hội viên giới thiệu', 'สมาชิกแนะนำ') },
    { key: 'facebook', label: t('Facebook', 'Facebook', 'Facebook') },
    { key: 'zalo', label: t('Zalo', 'Zalo', 'Zalo') },
    { key: 'tiktok', label: t('TikTok', 'TikTok', 'TikTok') },
    { key: 'corporate', label: t('Corporate plan', 'Gói doanh nghiệp', 'แพ็กเกจองค์กร') },
  ],
  businessCalendars: [
    calendar(
      'cal_fit_club',
      'Giờ mở cửa câu lạc bộ',
      'Asia/Ho_Chi_Minh',
      [0, 1, 2, 3, 4, 5, 6],
      { start: '06:00', end: '22:00' },
      VN_HOLIDAYS_2026_2027.filter((d) => d.slice(5, 7) === '02'),
    ),
  ],
  slaPolicies: [
    {
      id: 'sla_fit_members',
      name: 'Member requests',
      position: 0,
      calendarId: 'cal_fit_club',
      conditions: {},
      targets: slaTargets({
        urgent: [30, 60, 240],
        high: [60, 120, 720],
        normal: [240, 480, 2880],
        low: [480, 960, 4320],
      }),
      warnBeforeMinutes: 30,
    },
  ],
  routing: { defaultTeamId: FRONT_DESK, rules: [] },
  lifecycle: { activeOnFirstWonDeal: true, loyalAfterRenewals: 2, lostAfterDays: 60, visitTypes: ['app'] },
  messaging: { quietHours: { start: '21:00', end: '07:00' } },
};

const FRONT = ['usr_fit_linh', 'usr_fit_nam'] as const;
const TRAINER_NAMES = ['Ploy Chaiyaporn', 'Jack Wilson', 'Nguyễn Đức Hải'] as const;

/** Plan, expiry, visits and PT package of a member, consistent with its lifecycle stage. */
function membership(rng: Rng, time: SeedTime, stage: string): Record<string, string | number> {
  const plan = rng.weighted<Plan>([
    ['basic', 50],
    ['premium', 35],
    ['vip', 15],
  ]);
  const expiresIn =
    stage === 'lost'
      ? -rng.int(30, 200)
      : stage === 'potential'
        ? rng.int(0, 14)
        : rng.weighted<[number, number]>([
            [[-20, 0], 15],
            [[1, 45], 30],
            [[46, 330], 55],
          ]);
  const days = typeof expiresIn === 'number' ? expiresIn : rng.int(expiresIn[0], expiresIn[1]);
  const fields: Record<string, string | number> = {
    membershipPlan: stage === 'potential' ? 'basic' : plan,
    membershipExpiry: time.dateOf(time.day(days)),
    visits: stage === 'potential' ? rng.int(0, 3) : rng.int(5, 320),
  };
  if (plan !== 'basic' && stage !== 'potential' && rng.chance(0.6)) {
    fields.packageBalance = rng.int(0, 24) * 500_000;
    fields.personalTrainer = rng.pick(TRAINER_NAMES);
  }
  return fields;
}

const PLAN_NAMES: Record<Plan, string> = { basic: 'Cơ bản', premium: 'Cao cấp', vip: 'VIP' };

/**
 * A renewal deal for every paying member whose membership ends within a month before or 45 days after the
 * base: past expiries are renewed (won) or churned (lost), coming ones sit in the open stages by urgency.
 */
function renewalDeals(rng: Rng, time: SeedTime, members: readonly SeededContact[]): DealPlan[] {
  const out: DealPlan[] = [];
  for (const m of members) {
    const expiry = m.customFields.membershipExpiry as string | undefined;
    const plan = m.customFields.membershipPlan as Plan | undefined;
    if (!expiry || !plan || m.lifecycleStage === 'potential') continue;
    const days = Math.round((Date.parse(`${expiry}T00:00:00+07:00`) - time.base.getTime()) / 86_400_000);
    if (days < -30 || days > 45) continue;
    const at = time.anyTime(Math.max(1, 45 - days), Math.max(2, 60 - days), 8, 21);
    const body: Record<string, unknown> = {
      name: `Gia hạn ${PLAN_NAMES[plan]} 12 tháng – ${fullName(m.person)}`,
      amount: PLAN_PRICES[plan],
      currency: 'VND',
      pipelineId: 'pip_fit_renewals',
      stageId: FITNESS_STAGES.expiring,
      contactIds: [m.id],
      ownerId: m.ownerId,
      expectedCloseDate: expiry,
      tags: [plan],
    };
    if (days < 0) {
      const churned = m.lifecycleStage === 'lost' || rng.chance(0.3);
      const close = time.plusMinutes(time.day(days), rng.int(-5, 3) * 24 * 60 + rng.int(60, 600));
      const closeAt = close < at ? time.plusMinutes(at, 120) : close;
      out.push({
        at,
        body,
        close: {
          at: closeAt,
          stageId: churned ? FITNESS_STAGES.churned : FITNESS_STAGES.renewed,
          lostReason: churned ? rng.pick(FITNESS_LOST_REASONS.reasons).key : null,
        },
      });
      continue;
    }
    body.stageId =
      days <= 14
        ? rng.pick([FITNESS_STAGES.contacted, FITNESS_STAGES.offer, FITNESS_STAGES.offer])
        : rng.pick([FITNESS_STAGES.expiring, FITNESS_STAGES.expiring, FITNESS_STAGES.contacted]);
    out.push({ at, body, close: null });
  }
  return out;
}

/**
 * Seeds "Lotus Fitness Club" (`ws_fitness`): the same CRM turned into a club CRM by configuration only —
 * contacts relabelled as members with membership custom fields, companies switched off, a renewals pipeline,
 * app check-ins, birthday reminders, member requests, and a renewal offer to the members whose membership expires
 * this month.
 */
export async function seedFitnessWorkspace(db: Database, tx: Queryable, base: Date): Promise<ProvisionedWorkspace> {
  const { time } = seedPart(base, 'fitness');
  const part = (name: string) => seedPart(base, `fitness:${name}`);
  const user = (
    id: string,
    name: string,
    email: string,
    role: 'owner' | 'admin' | 'agent' | 'viewer',
    teamIds: string[],
  ) => ({
    id,
    name,
    email: `${email}@${DOMAIN}`,
    role,
    teamIds,
    locale: 'vi-VN',
    timeZone: 'Asia/Ho_Chi_Minh',
  });
  const w = await SeedWriter.provision(db, tx, { now: () => time.day(-500) }, 'fit', {
    id: 'ws_fitness',
    name: 'Lotus Fitness Club',
    settings: SETTINGS,
    teams: [
      { id: FRONT_DESK, name: 'Front desk', description: 'Lễ tân — hội viên, gia hạn, yêu cầu' },
      { id: TRAINERS, name: 'Personal trainers', description: 'Huấn luyện viên cá nhân' },
    ],
    users: [
      user('usr_fit_mai', 'Trịnh Ngọc Mai', 'mai.trinh', 'owner', []),
      user('usr_fit_duc', 'Lương Minh Đức', 'duc.luong', 'admin', [FRONT_DESK]),
      user('usr_fit_linh', 'Hoàng Khánh Linh', 'linh.hoang', 'agent', [FRONT_DESK]),
      user('usr_fit_nam', 'Phan Gia Nam', 'nam.phan', 'agent', [FRONT_DESK]),
      { ...user('usr_fit_ploy', 'Ploy Chaiyaporn', 'ploy', 'agent', [TRAINERS]), locale: 'th-TH' },
      { ...user('usr_fit_jack', 'Jack Wilson', 'jack.wilson', 'agent', [TRAINERS]), locale: 'en' },
      user('usr_fit_vy', 'Đỗ Bảo Vy', 'vy.do', 'viewer', []),
    ],
    keys: [
      { label: 'admin', role: 'admin', userEmail: `duc.luong@${DOMAIN}` },
      { label: 'agent', role: 'agent', userEmail: `linh.hoang@${DOMAIN}` },
      { label: 'viewer', role: 'viewer', userEmail: `vy.do@${DOMAIN}` },
    ],
  });

  await w.create(
    pipelineResource,
    'pip_fit_renewals',
    {
      name: 'Renewals',
      label: term('renewals'),
      currency: 'VND',
      isDefault: true,
      stages: [
        {
          id: FITNESS_STAGES.expiring,
          name: 'Expiring soon',
          label: t('Expiring soon', 'Sắp hết hạn', 'ใกล้หมดอายุ'),
          probability: 40,
          kind: 'open',
          rottingDays: 3,
        },
        {
          id: FITNESS_STAGES.contacted,
          name: 'Contacted',
          label: term('contacted'),
          probability: 55,
          kind: 'open',
          rottingDays: 5,
        },
        {
          id: FITNESS_STAGES.offer,
          name: 'Offer sent',
          label: t('Offer sent', 'Đã gửi ưu đãi', 'ส่งข้อเสนอแล้ว'),
          probability: 70,
          kind: 'open',
          rottingDays: 7,
        },
        {
          id: FITNESS_STAGES.renewed,
          name: 'Renewed',
          label: t('Renewed', 'Đã gia hạn', 'ต่ออายุแล้ว'),
          probability: 100,
          kind: 'won',
        },
        {
          id: FITNESS_STAGES.churned,
          name: 'Churned',
          label: t('Churned', 'Không gia hạn', 'ไม่ต่ออายุ'),
          probability: 0,
          kind: 'lost',
        },
      ],
    },
    time.day(-490),
  );

  const m = part('members');
  const members = await seedContacts(w, m.rng, m.time, [], {
    count: 150,
    atCompanies: 0,
    mix: { vn: 80, th: 5, en: 15 },
    owners: FRONT,
    sources: ['walk_in', 'referral', 'facebook', 'zalo', 'tiktok', 'corporate'],
    tags: ['morning', 'evening', 'yoga', 'gym', 'swimming', 'group-class'],
    stages: [
      ['active', 55],
      ['loyal', 20],
      ['potential', 10],
      ['lost', 15],
    ],
    emailRate: 0.7,
    customFields: (rng, _p, stage) => membership(rng, m.time, stage),
  });

  const r = part('renewals');
  await writeDeals(w, renewalDeals(r.rng, r.time, members));

  const l = part('prospects');
  await writeLeads(
    w,
    inboundLeads(l.rng, l.time, {
      count: 15,
      owners: FRONT,
      sources: ['walk_in', 'referral', 'facebook', 'zalo', 'tiktok', 'corporate'],
      businesses: [],
      notes: [
        'Tập thử 1 buổi miễn phí, quan tâm lớp Yoga.',
        'Hỏi giá gói VIP có PT qua Zalo.',
        'Được hội viên giới thiệu, muốn tập buổi sáng.',
        'Đăng ký qua quảng cáo TikTok khai trương chi nhánh mới.',
      ],
      mix: { vn: 85, th: 3, en: 12 },
    }),
  );

  const tk = part('requests');
  await seedTickets(w, tk.rng, tk.time, members, {
    count: 24,
    topics: FITNESS_TOPICS,
    // Members write in their own language: Thai members in Thai where the request has it.
    language: (p) => (p.origin === 'vn' ? 'vi' : p.origin === 'th' ? 'th' : 'en'),
    fallbackAgentId: 'usr_fit_linh',
    handBack: { newest: 2, by: 'usr_fit_duc' },
    channels: [
      ['app', 30],
      ['chat', 25],
      ['phone', 20],
      ['web', 10],
      ['email', 10],
      ['social', 5],
    ],
  });
  await renumberMessages(w);

  const a = part('activities');
  await writeActivities(w, [
    ...checkIns(a.rng, a.time, members, 420),
    ...memberCare(a.rng, a.time, members, 90),
    ...birthdayReminders(a.time, members, 45, (c) =>
      c.person.origin === 'vn'
        ? `Gửi lời chúc sinh nhật và voucher cho ${c.person.firstName.split(' ').at(-1)}`
        : `Send ${c.person.firstName} a birthday voucher`,
    ),
  ]);
  await seedRecentVisits(w, time.base);
  await seedFitnessRules(w, time.day(-1));
  await seedFitnessMarketing(w, time.day(-1));
  return w.workspace;
}
