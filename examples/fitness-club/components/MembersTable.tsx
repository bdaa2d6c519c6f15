'use client';

import { ContactsTable } from '@crmkit/ui/contacts-table';
import { useRouter } from 'next/navigation';

/**
 * crmkit's ContactsTable as the club's member list. The widget never navigates: it calls back with the member's id
 * and the club routes (a function prop, so this small client component wraps it).
 */
export function MembersTable() {
  const router = useRouter();
  return (
    <ContactsTable
      onOpenContact={(id) => router.push(`/members/${id}`)}
      columnOrder={['customFields.membershipPlan', 'lifecycleStage', 'phones', 'customFields.membershipExpiry']}
      defaultView={{
        columnVisibility: {
          firstName: false,
          lastName: false,
          title: false,
          birthday: false,
          source: false,
          emails: false,
        },
        pageSize: 25,
      }}
      maxHeight="min(64vh, 640px)"
    />
  );
}
