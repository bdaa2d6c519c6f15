import { dealResource } from '../src/deals/resource.js';
import { type ActivityWrite, byTime, type DealLink, type SeededCompany, type SeededContact } from './b2b.js';
import type { Rng } from './random.js';
import { renumberSystemActivities } from './renumber.js';
import type { SeedTime } from './time.js';
import type { SeedWriter } from './writer.js';

/**
 * A deal to seed: created at `at` with `body`; a closed deal is created in an open stage and then moved to
 * its won or lost stage at `close.at`, as a salesperson would.
 */
export interface DealPlan {
  at: Date;
  body: Record<string, unknown>;
  close: { at: Date; stageId: string; lostReason: string | null } | null;
}

/** A pipeline's stages, open ones in order, for planning. */
export interface PipelineStages {
  pipelineId: string;
  currency: string;
  open: readonly string[];
  won: string;
  lost: string;
}

/** What the seeded workspaces sell, named as a Vietnamese and a Thai salesperson would write it. */
const PRODUCTS = [
  { vi: 'Phần mềm bán hàng POS', th: 'ระบบขายหน้าร้าน POS', min: 25, max: 150, tag: 'pos' },
  { vi: 'ERP Cloud', th: 'ระบบ ERP บนคลาวด์', min: 300, max: 2500, tag: 'erp' },
  { vi: 'Phần mềm nhân sự HRM', th: 'ระบบบริหารงานบุคคล HRM', min: 40, max: 300, tag: 'hrm' },
  { vi: 'Gói đào tạo & triển khai', th: 'แพ็กเกจอบรมและติดตั้งระบบ', min: 10, max: 60, tag: 'services' },
  { vi: 'Gia hạn hỗ trợ kỹ thuật', th: 'ต่ออายุสัญญาบำรุงรักษา (MA)', min: 20, max: 120, tag: 'renewal' },
  { vi: 'Tích hợp hóa đơn điện tử', th: 'เชื่อมต่อระบบ e-Tax Invoice', min: 15, max: 90, tag: 'integration' },
] as const;

/** Why deals were lost, as the workspace's salespeople write it (the Vietnamese team's notes are partly English). */
const LOST_REASONS = {
  vi: [
    'Chọn nhà cung cấp khác',
    'Giá cao hơn ngân sách',
    'Dự án bị hoãn sang năm sau',
    'Không liên lạc được người quyết định',
    'Chose a competitor',
    'No budget this year',
  ],
  th: ['เลือกผู้ให้บริการรายอื่น', 'ราคาสูงกว่างบประมาณ', 'เลื่อนโครงการไปปีหน้า', 'ติดต่อผู้มีอำนาจตัดสินใจไม่ได้'],
} as const;

/** The short name of a company (`Công ty TNHH Thực phẩm An Khang` → `Thực phẩm An Khang`). */
export function shortName(name: string): string {
  return name.replace(/^Công ty (TNHH|Cổ phần) /, '').replace(/ Co\., Ltd\.$/, '');
}

/**
 * Business-software deals for companies: amounts of 10 million to 2.5 billion VND (no minor units) in steps of
 * 500,000 ₫ unless scaled to another currency, stages spread
 * over the pipeline (about a fifth won and a seventh lost), the company's contacts attached.
 */
export function softwareDeals(
  rng: Rng,
  time: SeedTime,
  stages: PipelineStages,
  companies: readonly SeededCompany[],
  contacts: readonly SeededContact[],
  o: {
    count: number;
    owners: readonly string[];
    /** Fill the workspace's `contractMonths` custom field. */
    contractField: boolean;
    /** The language of the deal names and lost reasons (default Vietnamese). */
    language?: 'vi' | 'th';
    /** Multiplies the VND amounts (e.g. to minor units of another currency). */
    amountScale?: number;
  },
): DealPlan[] {
  const byCompany = new Map<string, SeededContact[]>();
  for (const c of contacts) if (c.companyId) byCompany.set(c.companyId, [...(byCompany.get(c.companyId) ?? []), c]);
  const finals = [
    ...stages.open.map((s, i) => [s, [18, 18, 16, 12][i] ?? 12] as const),
    [stages.won, 22] as const,
    [stages.lost, 14] as const,
  ];
  return Array.from({ length: o.count }, () => {
    const company = rng.pick(companies);
    const people = byCompany.get(company.id) ?? [];
    const product = rng.pick(PRODUCTS);
    const final = rng.weighted(finals);
    const closed = final === stages.won || final === stages.lost;
    const at = closed ? time.workTime(30, 360) : time.workTime(1, 120);
    const millions = rng.int(product.min * 2, product.max * 2) / 2;
    const body: Record<string, unknown> = {
      name: `${product[o.language ?? 'vi']} – ${shortName(company.seed.body.name)}`,
      amount: Math.round(millions * 1_000_000 * (o.amountScale ?? 1)),
      currency: stages.currency,
      pipelineId: stages.pipelineId,
      stageId: closed ? rng.pick(stages.open) : final,
      companyId: company.id,
      contactIds: rng.sample(people, rng.int(1, 2)).map((c) => c.id),
      ownerId: rng.pick(o.owners),
      tags: [product.tag, ...(rng.chance(0.3) ? [rng.pick(['upsell', 'new-business', 'q4-push'])] : [])],
      ...(o.contractField ? { customFields: { contractMonths: rng.pick([6, 12, 12, 24, 36]) } } : {}),
    };
    if (!closed) {
      body.expectedCloseDate = time.dateOf(time.day(rng.int(5, 90)));
      if (rng.chance(0.1)) body.probability = rng.int(1, 19) * 5;
      return { at, body, close: null };
    }
    const closeAt = time.plusMinutes(at, rng.int(7, 75) * 24 * 60);
    const done = closeAt.getTime() < time.base.getTime() ? closeAt : time.plusMinutes(time.base, -rng.int(60, 2000));
    body.expectedCloseDate = time.dateOf(done);
    const lostReason = final === stages.lost ? rng.pick(LOST_REASONS[o.language ?? 'vi']) : null;
    return { at, body, close: { at: done, stageId: final, lostReason } };
  });
}

/**
 * Creates the deals in time order (`dea_<key>_0001`, …) as their owners, then closes the closed ones at their
 * close time through a stage change, as a salesperson would (the deal module logs it on the timeline).
 * @returns the deals' ids and contacts, for activities about them
 */
export async function writeDeals(w: SeedWriter, plans: DealPlan[]): Promise<DealLink[]> {
  const out: DealLink[] = [];
  const closing: { id: string; ownerId: string | null; close: NonNullable<DealPlan['close']> }[] = [];
  for (const plan of byTime(plans)) {
    const id = w.id('dea');
    const ownerId = (plan.body.ownerId as string | null | undefined) ?? null;
    await w.create(dealResource, id, plan.body, plan.at, ownerId);
    out.push({ id, contactIds: (plan.body.contactIds as string[] | undefined) ?? [], ownerId, open: !plan.close });
    if (plan.close) closing.push({ id, ownerId, close: plan.close });
  }
  closing.sort((a, b) => a.close.at.getTime() - b.close.at.getTime());
  for (const { id, ownerId, close } of closing) {
    const patch = { stageId: close.stageId, ...(close.lostReason ? { lostReason: close.lostReason } : {}) };
    await w.update(dealResource, id, patch, close.at, ownerId);
  }
  await renumberSystemActivities(w);
  return out;
}

const FOLLOW_UPS = [
  { purpose: 'call_back', vi: 'Gọi lại cho khách', en: 'Call back' },
  { purpose: 'follow_up', vi: 'Theo dõi phản hồi báo giá', en: 'Follow up on the quote' },
  { purpose: 'send_quote', vi: 'Gửi báo giá điều chỉnh', en: 'Send the revised quote' },
  { purpose: 'demo', vi: 'Demo cho ban giám đốc', en: 'Demo for the board' },
] as const;

/**
 * What keeps a seeded pipeline alive: for most open deals a recent touch by their owner (a call, within the last two
 * weeks, so they do not rot) and for most an open follow-up task — some overdue, some due today, most later — so the
 * board shows every state of a next activity.
 */
export function dealFollowUps(rng: Rng, time: SeedTime, deals: readonly DealLink[], english = false): ActivityWrite[] {
  const out: ActivityWrite[] = [];
  for (const d of deals) {
    if (!d.open) continue;
    const links = { dealId: d.id, ...(d.contactIds[0] ? { contactId: d.contactIds[0] } : {}) };
    if (rng.chance(0.6)) {
      const at = time.workTime(1, 14);
      const body = {
        type: 'call',
        direction: 'outbound',
        outcome: 'connected',
        occurredAt: at.toISOString(),
        ...links,
      };
      out.push({ body, at, completedAt: null, authorId: d.ownerId });
    }
    if (rng.chance(0.7)) {
      const task = rng.pick(FOLLOW_UPS);
      const at = time.workTime(1, 10);
      // Days from the base: a few overdue, some today (later in the day), most in the next three weeks.
      const inDays = rng.weighted([
        [-rng.int(1, 6), 2],
        [0, 2],
        [rng.int(1, 21), 6],
      ] as const);
      const due = inDays === 0 ? time.plusMinutes(time.base, rng.int(60, 8 * 60)) : time.day(inDays);
      const body = {
        type: 'task',
        subject: english ? task.en : task.vi,
        purpose: task.purpose,
        occurredAt: at.toISOString(),
        dueAt: due.toISOString(),
        assigneeId: d.ownerId,
        ...links,
      };
      out.push({ body, at, completedAt: null, authorId: d.ownerId });
    }
  }
  return out;
}
