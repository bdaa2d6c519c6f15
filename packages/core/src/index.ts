/**
 * The business rules of crmkit, in one small module with no dependencies, shared by the reference server, the React
 * hooks and the widgets: the list of resources, a deal's weighted amount and stage defaults, how names are written,
 * and the standard fields and field limits of the contract.
 *
 * @example
 * import { contactName, weightedAmount } from '@crmkit/core';
 * contactName({ firstName: 'Văn Tài', lastName: 'Đỗ' }); // 'Đỗ Văn Tài'
 * weightedAmount(12_000_000, 25); // 3_000_000
 */
export {
  type DealActivity,
  type DealStageFields,
  dealInStage,
  dealProbability,
  idleDays,
  isRotting,
  type LostReasonPolicy,
  lostReasonProblem,
  type NextActivityState,
  nextActivityState,
  type StageKind,
  type StageRule,
  weightedAmount,
} from './deals.js';
export {
  ACTIVITY_FIELDS,
  COMPANY_FIELDS,
  CONTACT_FIELDS,
  DEAL_FIELDS,
  LEAD_FIELDS,
  STANDARD_FIELDS,
  type StandardField,
  type StandardFieldType,
  TICKET_FIELDS,
} from './fields.js';
export {
  ACTIVITY_LIMITS,
  COMPANY_LIMITS,
  CONTACT_LIMITS,
  CONTRACT_LIMITS,
  DEAL_LIMITS,
  EMAIL_MAX_LENGTH,
  TAG_LIMITS,
} from './limits.js';
export {
  type Addressed,
  addressName,
  contactName,
  foldName,
  isVietnamese,
  isVietnameseFamily,
  type Named,
  type NameOrder,
  nameOrderOf,
  type SplitName,
  splitName,
  splitSalutation,
} from './names/index.js';
export { groupPhone, localeCountry, phoneCountry, toE164 } from './phone.js';
export { ACTIVITY_LINKED_RESOURCES, RESOURCE_NAMES, type ResourceName } from './resources.js';
export {
  addDays,
  instantAt,
  isValidTimeZone,
  localDate,
  nextWindow,
  wallClock,
  wallToInstant,
  zoneOffsetMs,
} from './time-zone.js';
