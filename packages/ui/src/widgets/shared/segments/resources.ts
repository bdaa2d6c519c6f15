import type { SegmentMember, SegmentResource } from '@crmkit/client';
import { contactName } from '@crmkit/core';
import type { EntityName } from '../../../context/labels.js';

/** The resources a segment can select from, in the order the builder offers them. */
export const SEGMENT_RESOURCES: readonly SegmentResource[] = ['contacts', 'companies', 'leads', 'deals', 'tickets'];

/** The entity whose records a segment of `resource` selects (its fields, its labels). */
export const ENTITY_OF: Record<SegmentResource, EntityName> = {
  contacts: 'contact',
  companies: 'company',
  leads: 'lead',
  deals: 'deal',
  tickets: 'ticket',
};

/**
 * A member's name as a list shows it: a contact's name in its order, a ticket's subject, else its name.
 *
 * @example
 * memberName('contacts', { firstName: 'Lan', lastName: 'Nguyễn', … }); // 'Nguyễn Lan'
 */
export function memberName(resource: SegmentResource, member: SegmentMember): string {
  const record = member as unknown as Record<string, unknown>;
  if (resource === 'contacts') return contactName(member as Parameters<typeof contactName>[0]);
  return String((resource === 'tickets' ? record.subject : record.name) ?? '');
}
