import type { AutomationRuleCreate, AutomationStep, FilterNode } from '@crmkit/spec';
import { automationRuleResource } from '../src/automation/rules.js';
import type { SeedWriter } from './writer.js';

/** The members the club keeps in touch with. */
const MEMBER: FilterNode = { field: 'lifecycleStage', op: 'in', value: ['active', 'loyal'] };
const OWNER = { type: 'owner' } as const;
/** A front-desk call task due the same day, for the member's owner. */
const call = (subject: string, body?: string): AutomationStep => ({
  type: 'create_task',
  kind: 'task',
  subject,
  ...(body ? { body } : {}),
  dueInMinutes: 8 * 60,
  assignee: OWNER,
});
const sms = (template: string): AutomationStep => ({ type: 'send_message', channel: 'sms', template });
const expiry = (offsetDays: number, at = '09:00') =>
  ({ type: 'date', field: 'customFields.membershipExpiry', offsetDays, repeat: 'once', at }) as const;

/**
 * Lotus Fitness Club's touch plan: the twelve touches of a member's year, as automation rules (configuration only,
 * no code). Messages go out by SMS (members' consent and the club's quiet hours are checked at send time); calls
 * are tasks for the member's owner at the front desk.
 */
export const FITNESS_RULES: readonly (AutomationRuleCreate & { id: string })[] = [
  {
    id: 'rul_fit_welcome',
    name: 'Welcome on joining',
    resource: 'contacts',
    trigger: { type: 'event', events: ['contact.created', 'contact.updated'], changed: ['lifecycleStage'] },
    conditions: { field: 'lifecycleStage', op: 'eq', value: 'active' },
    steps: [
      {
        type: 'send_message',
        channel: 'email',
        subject: 'Chào mừng đến với {{workspace.name}}',
        template:
          'Chào {{contact.firstName | "bạn"}}, cảm ơn bạn đã trở thành hội viên {{workspace.name}}! Lễ tân luôn sẵn sàng hỗ trợ bạn đặt lịch buổi tập đầu tiên.',
      },
      sms('{{workspace.name}}: Chào mừng {{contact.firstName | "bạn"}}! Quét mã QR tại cổng chính để check-in.'),
    ],
  },
  {
    id: 'rul_fit_first_visit',
    name: 'First-visit check after 3 days',
    resource: 'contacts',
    trigger: { type: 'date', field: 'createdAt', offsetDays: 3, repeat: 'once', at: '10:00' },
    conditions: MEMBER,
    steps: [call('Hỏi thăm buổi tập đầu tiên của {{contact.firstName}}')],
  },
  {
    id: 'rul_fit_no_visit_14',
    name: 'Call when no visit in the first 14 days',
    resource: 'contacts',
    trigger: { type: 'date', field: 'createdAt', offsetDays: 14, repeat: 'once', at: '10:00' },
    conditions: { and: [MEMBER, { field: 'customFields.visits', op: 'lt', value: 1 }] },
    steps: [call('Gọi {{contact.firstName}}: chưa đến tập lần nào sau 14 ngày', 'Mời một buổi PT miễn phí.')],
  },
  {
    id: 'rul_fit_birthday',
    name: 'Birthday greeting',
    resource: 'contacts',
    trigger: { type: 'date', field: 'birthday', offsetDays: 0, repeat: 'yearly', at: '09:00' },
    conditions: MEMBER,
    steps: [
      sms('{{workspace.name}} chúc mừng sinh nhật {{contact.firstName | "bạn"}}! Tặng bạn 1 buổi PT trong tuần này.'),
    ],
  },
  {
    id: 'rul_fit_low_visits',
    name: 'Low-visit nudge (fewer than 2 visits in 30 days)',
    description: 'The gate system keeps customFields.visits30d; checked on the 1st of each month.',
    resource: 'contacts',
    trigger: { type: 'schedule', cron: '0 10 1 * *' },
    conditions: { and: [MEMBER, { field: 'customFields.visits30d', op: 'lt', value: 2 }] },
    steps: [
      sms('{{workspace.name}}: Lâu rồi không gặp {{contact.firstName | "bạn"}}! Lớp nhóm mới mỗi tối, hẹn bạn nhé.'),
      call('Hỏi thăm {{contact.firstName}}: dưới 2 lần tập trong 30 ngày'),
    ],
  },
  {
    id: 'rul_fit_pt_balance',
    name: 'PT package balance low',
    resource: 'contacts',
    trigger: { type: 'event', events: ['contact.updated'], changed: ['customFields.packageBalance'] },
    conditions: { field: 'customFields.packageBalance', op: 'lt', value: 1_000_000 },
    steps: [call('Tư vấn gia hạn gói PT cho {{contact.firstName}} (còn {{contact.customFields.packageBalance}} ₫)')],
  },
  ...([30, 7, 1] as const).map((days) => ({
    id: `rul_fit_renewal_${days}`,
    name: `Renewal reminder ${days} day${days === 1 ? '' : 's'} before expiry`,
    resource: 'contacts' as const,
    trigger: expiry(-days),
    conditions: MEMBER,
    steps: [
      sms(
        `{{workspace.name}}: Thẻ hội viên của {{contact.firstName | "bạn"}} hết hạn ngày {{contact.customFields.membershipExpiry}}${days === 1 ? ' (ngày mai)' : ''}. Gia hạn tại quầy hoặc trên ứng dụng.`,
      ),
    ],
  })),
  {
    id: 'rul_fit_renewal_deal',
    name: 'Open a renewal 30 days before expiry',
    resource: 'contacts',
    trigger: expiry(-30, '08:00'),
    conditions: MEMBER,
    steps: [
      {
        type: 'create_deal',
        pipelineId: 'pip_fit_renewals',
        stageId: 'stg_fit_expiring',
        name: 'Gia hạn thẻ – {{contact.lastName}} {{contact.firstName}}',
      },
      call('Gọi tư vấn gia hạn thẻ cho {{contact.firstName}}'),
    ],
  },
  {
    id: 'rul_fit_win_back',
    name: 'Lapsed win-back 14 days after expiry',
    resource: 'contacts',
    trigger: expiry(14, '10:00'),
    conditions: { field: 'lifecycleStage', op: 'neq', value: 'potential' },
    steps: [
      sms(
        '{{workspace.name}} nhớ bạn, {{contact.firstName | "bạn"}}! Quay lại trong tháng này: giảm 15% gói 12 tháng.',
      ),
      call('Gọi mời {{contact.firstName}} quay lại (thẻ hết hạn 14 ngày)'),
    ],
  },
  {
    id: 'rul_fit_satisfaction',
    name: 'Satisfaction check after renewal',
    resource: 'deals',
    trigger: { type: 'event', events: ['deal.moved', 'deal.updated'], changed: ['status'] },
    conditions: {
      and: [
        { field: 'pipelineId', op: 'eq', value: 'pip_fit_renewals' },
        { field: 'status', op: 'eq', value: 'won' },
      ],
    },
    steps: [
      { type: 'delay', minutes: 7 * 24 * 60, until: { time: '10:00', zone: 'workspace' } },
      sms('{{workspace.name}}: Cảm ơn bạn đã gia hạn! Bạn chấm điểm câu lạc bộ mấy điểm (1–10)? Trả lời tin nhắn này.'),
    ],
  },
];

/** Writes the club's touch-plan rules (checked by the engine like any rule sent to the API). */
export async function seedFitnessRules(w: SeedWriter, at: Date): Promise<void> {
  for (const { id, ...rule } of FITNESS_RULES) await w.create(automationRuleResource, id, rule, at, 'usr_fit_duc');
}

/**
 * `customFields.visits30d`, which the club's gate system keeps: each member's check-ins in the 30 days before `now`.
 */
export async function seedRecentVisits(w: SeedWriter, now: Date): Promise<void> {
  await w.query(
    `UPDATE contacts c SET custom_fields = c.custom_fields || jsonb_build_object('visits30d',
       (SELECT count(*)::int FROM activities a WHERE a.workspace_id = c.workspace_id AND a.contact_id = c.id
          AND a.type = 'app' AND a.purpose = 'visit' AND a.occurred_at > $2::timestamptz - interval '30 days'
          AND a.occurred_at <= $2::timestamptz))
     WHERE c.workspace_id = $1 AND c.lifecycle_stage IN ('active', 'loyal')`,
    [w.workspace.id, now.toISOString()],
  );
}
