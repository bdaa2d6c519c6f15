import * as en from '@crmkit/core/glossary/en';
import * as th from '@crmkit/core/glossary/th';
import * as vi from '@crmkit/core/glossary/vi';
import { type EntityName, type FieldDefinition, type LocalizedText, standardFields } from '@crmkit/spec';

type L = LocalizedText;

/** A concept of the glossary (`@crmkit/core/glossary/*`): the widgets' catalogs take the same terms. */
export type Term = keyof typeof en;

/**
 * The term for `concept` in every language of the glossary.
 *
 * @example
 * term('contact'); // { en: 'Contact', vi: 'Người liên hệ', th: 'ผู้ติดต่อ' }
 */
export const term = (concept: Term): L => ({ en: en[concept], vi: vi[concept], th: th[concept] });

/** A label of a term the glossary does not hold (a field only this server names). */
const t = (en: string, vi: string, th: string): L => ({ en, vi, th });

/** Labels by key, each a glossary term. */
const terms = <K extends string>(concepts: Record<K, Term>) =>
  Object.fromEntries(Object.entries(concepts).map(([key, concept]) => [key, term(concept as Term)])) as Record<K, L>;

/** Default labels of each entity. */
export const DEFAULT_LABELS: Record<EntityName, { singular: L; plural: L }> = {
  company: { singular: term('company'), plural: term('companies') },
  contact: { singular: term('contact'), plural: term('contacts') },
  lead: { singular: term('lead'), plural: term('leads') },
  deal: { singular: term('deal'), plural: term('deals') },
  activity: { singular: term('activity'), plural: term('activities') },
  ticket: { singular: term('ticket'), plural: term('tickets') },
};

export const LIFECYCLE_LABELS = terms({
  potential: 'lifecyclePotential',
  active: 'lifecycleActive',
  loyal: 'lifecycleLoyal',
  lost: 'lifecycleLost',
});

export const ACTIVITY_TYPE_LABELS = terms({
  call: 'call',
  email: 'email',
  sms: 'sms',
  chat: 'chat',
  meeting: 'meeting',
  note: 'note',
  task: 'task',
  app: 'app',
  system: 'system',
});

export const TICKET_STATUS_LABELS = terms({
  new: 'ticketNew',
  open: 'ticketOpen',
  pending: 'ticketPending',
  on_hold: 'ticketOnHold',
  solved: 'ticketSolved',
  closed: 'ticketClosed',
});

export const TICKET_PRIORITY_LABELS = terms({
  low: 'priorityLow',
  normal: 'priorityNormal',
  high: 'priorityHigh',
  urgent: 'priorityUrgent',
});

export const TICKET_CHANNEL_LABELS = {
  ...terms({ email: 'email', chat: 'chat', web: 'web', sms: 'sms', app: 'app', social: 'social' }),
  // The channel, not the number ("เบอร์โทรศัพท์" is the number).
  phone: t('Phone', 'Điện thoại', 'โทรศัพท์'),
};

const LEAD_STATUS_LABELS = terms({
  new: 'leadNew',
  contacted: 'contacted',
  qualified: 'qualified',
  disqualified: 'disqualified',
  converted: 'converted',
});

/** Labels of the standard fields of each entity (which fields, their types and flags: `standardFields` of the spec). */
const FIELD_LABELS: Record<EntityName, Record<string, L>> = {
  company: {
    ...terms({ name: 'name', industry: 'industry', size: 'companySize', ownerId: 'owner', tags: 'tags' }),
    domain: t('Domain', 'Tên miền', 'โดเมน'),
    phones: t('Phones', 'Điện thoại', 'โทรศัพท์'),
  },
  contact: {
    ...terms({
      firstName: 'firstName',
      lastName: 'lastName',
      salutation: 'salutation',
      nameOrder: 'nameOrder',
      companyId: 'company',
      title: 'jobTitle',
      birthday: 'birthday',
      lifecycleStage: 'lifecycleStage',
      source: 'source',
      ownerId: 'owner',
      tags: 'tags',
      lastContactedAt: 'lastContacted',
    }),
    emails: t('Emails', 'Email', 'อีเมล'),
    phones: t('Phones', 'Điện thoại', 'โทรศัพท์'),
  },
  lead: terms({
    name: 'fullName',
    companyName: 'company',
    email: 'email',
    phone: 'phone',
    source: 'source',
    status: 'status',
    ownerId: 'owner',
    tags: 'tags',
  }),
  deal: {
    ...terms({
      name: 'name',
      amount: 'amount',
      stageId: 'stage',
      probability: 'probability',
      expectedCloseDate: 'expectedCloseDate',
      companyId: 'company',
      ownerId: 'owner',
      tags: 'tags',
    }),
    stageEnteredAt: t('In stage since', 'Vào giai đoạn từ', 'อยู่ในขั้นตอนตั้งแต่'),
    lastActivityAt: t('Last activity', 'Hoạt động gần nhất', 'กิจกรรมล่าสุด'),
    nextActivityAt: t('Next activity', 'Việc tiếp theo', 'กิจกรรมถัดไป'),
  },
  activity: terms({ type: 'type', subject: 'subject', outcome: 'outcome', occurredAt: 'date', dueAt: 'due' }),
  ticket: terms({
    subject: 'subject',
    status: 'status',
    priority: 'priority',
    channel: 'channel',
    assigneeId: 'assignee',
    teamId: 'team',
    tags: 'tags',
  }),
};
/** Labels of the values of the selects whose values the contract fixes (others read: the value itself). */
const OPTION_LABELS: Partial<Record<EntityName, Record<string, Record<string, L>>>> = {
  contact: {
    lifecycleStage: LIFECYCLE_LABELS,
    nameOrder: terms({ given_first: 'givenNameFirst', family_first: 'familyNameFirst' }),
  },
  lead: { status: LEAD_STATUS_LABELS },
  activity: { type: ACTIVITY_TYPE_LABELS },
  ticket: { status: TICKET_STATUS_LABELS, priority: TICKET_PRIORITY_LABELS, channel: TICKET_CHANNEL_LABELS },
};

/**
 * The built-in field definitions of an entity: the contract's standard fields (keys, types, required, sortable and
 * filterable come from `standardFields`), with this server's labels.
 */
export function builtinFields(entity: EntityName): FieldDefinition[] {
  return standardFields(entity).map((f) => ({
    key: f.key,
    label: FIELD_LABELS[entity][f.key] ?? { en: f.key },
    type: f.type,
    custom: false,
    required: f.required,
    sortable: f.sortable,
    filterable: f.filterable,
    ...(f.options
      ? {
          options: f.options.map((value) => ({
            value,
            label: OPTION_LABELS[entity]?.[f.key]?.[value] ?? { en: value },
          })),
        }
      : {}),
  }));
}
