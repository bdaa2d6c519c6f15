import { ActivityTimeline } from '@crmkit/ui/activity-timeline';
import { ContactCard } from '@crmkit/ui/contact-card';
import type { Metadata } from 'next';
import Link from 'next/link';
import { dictionary } from '../../../lib/i18n';
import { requestLocale } from '../../../lib/locale';

export const metadata: Metadata = { title: 'Member' };

/**
 * One member — a server component that renders crmkit widgets directly: their entries are client components
 * (`'use client'`), and a member id is all they need from here.
 */
export default async function MemberPage({ params }: { params: Promise<{ memberId: string }> }) {
  const { memberId } = await params;
  const t = dictionary(await requestLocale());
  return (
    <>
      <Link href="/members" className="text-sm font-medium lg:hidden">
        ← {t.backToMembers}
      </Link>
      <ContactCard contactId={memberId} headingLevel={2} />
      <ActivityTimeline contactId={memberId} headingLevel={2} pageSize={10} />
    </>
  );
}
