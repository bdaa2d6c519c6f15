/**
 * `@crmkit/core/tickets`: the ticket rules the reference server and the inbox widget share — business time over a
 * calendar, the SLA clock that matters next, the HTML a message may hold, and canned-response placeholders.
 *
 * @example
 * import { slaClock } from '@crmkit/core/tickets';
 * const clock = slaClock(ticket.sla, ticket.status, { warnBeforeMinutes: 30, calendar }, new Date());
 */
export {
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  isValidTimeZone,
  zoneOffsetMs,
} from './business-time.js';
export { escapeHtml, MESSAGE_HTML, safeHref } from './message-html.js';
export {
  fillPlaceholders,
  PLACEHOLDERS,
  type Placeholder,
  type PlaceholderValues,
  unknownPlaceholders,
} from './placeholders.js';
export {
  SLA_TARGETS,
  type SlaClock,
  type SlaClockState,
  type SlaFacts,
  type SlaTarget,
  slaClock,
} from './sla-clock.js';
