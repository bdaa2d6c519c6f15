import { leadResource } from '../src/leads/resource.js';
import { byTime } from './b2b.js';
import { emailOf, fullName, mobileOf, person } from './people.js';
import type { Rng } from './random.js';
import type { SeedTime } from './time.js';
import type { SeedWriter } from './writer.js';

/** A lead to seed: created at `at` with `body`. */
export interface LeadPlan {
  at: Date;
  body: Record<string, unknown>;
}

/** Small businesses that ask a software vendor for a quote. */
export const SMALL_BUSINESSES = [
  'Nhà hàng Phố Cổ',
  'Spa Hoa Sen',
  'Tiệm bánh Mơ',
  'Thời trang Linh Chi',
  'Nha khoa Nụ Cười',
  'Cà phê Góc Phố',
  'Nhà thuốc An Tâm',
  'Anh ngữ Sky',
  'Khách sạn Biển Xanh',
  'Garage Thành Đạt',
  'Siam Spa & Wellness',
  'Bangkok Street Food Co.',
  'Chiang Mai Crafts',
  'Green Leaf Café',
  'Harbour View Homestay',
] as const;

/** Notes a salesperson keeps on software leads. */
export const SOFTWARE_LEAD_NOTES = [
  'Điền form trên website, quan tâm gói POS cho 2 cửa hàng.',
  'Được khách hàng cũ giới thiệu, cần demo trong tuần.',
  'Nhắn qua Zalo OA hỏi giá.',
  'Gặp tại hội chợ Vietnam ICT Expo.',
  'Asked for a price list for 5 outlets.',
  'Wants to replace spreadsheets before the new year.',
] as const;

const STATUSES = [
  ['new', 40],
  ['contacted', 30],
  ['qualified', 15],
  ['disqualified', 15],
] as const;

/**
 * Inbound leads from the last two months: people (some with a business), contact details, a source and a
 * status short of `converted` (conversion creates records with ids of its own choosing).
 */
export function inboundLeads(
  rng: Rng,
  time: SeedTime,
  o: {
    count: number;
    owners: readonly string[];
    sources: readonly string[];
    /** Business names some leads come with (none: people only). */
    businesses: readonly string[];
    notes: readonly string[];
    mix: { vn: number; th: number; en: number };
    /** Thai names in Thai script, some with the polite คุณ typed before them (default: Latin letters). */
    thaiScript?: boolean;
  },
): LeadPlan[] {
  const taken = new Set<string>();
  return Array.from({ length: o.count }, () => {
    const p = person(rng, o.mix, o.thaiScript);
    const status = rng.weighted(STATUSES);
    const body = {
      name: p.latin && rng.chance(0.5) ? `คุณ${fullName(p)}` : fullName(p),
      companyName: o.businesses.length > 0 && rng.chance(0.6) ? rng.pick(o.businesses) : null,
      email: rng.chance(0.85) ? emailOf(rng, p, taken) : null,
      phone: mobileOf(rng, p),
      source: rng.pick(o.sources),
      status,
      ownerId: status === 'new' && rng.chance(0.4) ? null : rng.pick(o.owners),
      notes: rng.chance(0.7) ? rng.pick(o.notes) : null,
      tags: rng.chance(0.3) ? [rng.pick(['hot', 'smb', 'follow-up'])] : [],
    };
    return { at: time.workTime(0, 60), body };
  });
}

/** Creates the leads in time order (`lea_<key>_0001`, …), each as its owner. */
export async function writeLeads(w: SeedWriter, plans: LeadPlan[]): Promise<void> {
  for (const plan of byTime(plans)) {
    await w.create(leadResource, w.id('lea'), plan.body, plan.at, (plan.body.ownerId as string | null) ?? null);
  }
}
