import { contactName, type Named } from '@crmkit/react';

/**
 * The name a rule's record goes by: a contact's or lead's name (in the order of its language), a deal's name, a
 * ticket's or task's subject ('' when a deal or ticket has none).
 *
 * @example
 * recordName('contacts', { firstName: 'Văn Tài', lastName: 'Đỗ' }); // 'Đỗ Văn Tài'
 */
export function recordName(resource: string, record: object): string {
  const r = record as Named & { name?: string | null; subject?: string | null };
  if (resource === 'contacts' || resource === 'leads') return contactName(r);
  return r.name ?? r.subject ?? '';
}
