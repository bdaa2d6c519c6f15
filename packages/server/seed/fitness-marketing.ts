import type { CampaignCreate, SegmentCreate } from '@crmkit/spec';
import { campaignResource } from '../src/campaigns/resource.js';
import { segmentResource } from '../src/segments/resource.js';
import type { SeedWriter } from './writer.js';

/** The segment of the club's renewal campaigns. */
export const FITNESS_EXPIRING_SEGMENT = 'seg_fit_expiring';
/** The renewal offer to it: a Vietnamese e-mail, a draft the front desk reviews and sends. */
export const FITNESS_RENEWAL_CAMPAIGN = 'cmp_fit_renewal_offer';

/**
 * Members whose membership expires this month — read as a rolling month: the expiry date (a custom date field) from
 * today through the next 30 days, counted in the club's time zone, for active and loyal members. The contract's
 * relative dates count days from today; it has no calendar-month window.
 */
const EXPIRING: SegmentCreate = {
  name: 'Members whose membership expires this month',
  description:
    'Active and loyal members whose membership expiry is today or within the next 30 days (Asia/Ho_Chi_Minh): the audience of the renewal offers.',
  resource: 'contacts',
  filter: {
    and: [
      { field: 'customFields.membershipExpiry', op: 'inNextDays', days: 30 },
      { field: 'lifecycleStage', op: 'in', value: ['active', 'loyal'] },
    ],
  },
};

/** The renewal offer, in Vietnamese, personalised with fallbacks for whatever a member's record lacks. */
const RENEWAL_OFFER: CampaignCreate = {
  name: 'Ưu đãi gia hạn tháng này',
  segmentId: FITNESS_EXPIRING_SEGMENT,
  channel: 'email',
  subject: '{{contact.firstName|Bạn}} ơi, gia hạn thẻ hội viên với ưu đãi 15%',
  template: [
    'Chào {{contact.firstName|bạn}},',
    'Thẻ hội viên của bạn tại {{workspace.name}} hết hạn vào ngày {{contact.customFields.membershipExpiry|cuối tháng này}}. Gia hạn gói 12 tháng trước ngày đó để được giảm 15% và tặng thêm 1 tháng tập.',
    'Xem ưu đãi và gia hạn trực tuyến: https://lotusfitness.vn/gia-han',
    'Huấn luyện viên của bạn, {{contact.customFields.personalTrainer|đội ngũ Lotus}}, luôn sẵn sàng đồng hành cùng bạn trong năm tới.',
    'Hẹn gặp bạn tại câu lạc bộ!\n{{workspace.name}}',
  ].join('\n\n'),
  schedule: null,
  throttlePerHour: null,
};

/**
 * Lotus Fitness Club's marketing, by configuration only: the segment of memberships expiring this month and the
 * renewal offer to it, a draft written by the club's manager (Đức) on `at`.
 */
export async function seedFitnessMarketing(w: SeedWriter, at: Date): Promise<void> {
  await w.create(segmentResource, FITNESS_EXPIRING_SEGMENT, { ...EXPIRING }, at, 'usr_fit_duc');
  await w.create(campaignResource, FITNESS_RENEWAL_CAMPAIGN, { ...RENEWAL_OFFER }, at, 'usr_fit_duc');
}
