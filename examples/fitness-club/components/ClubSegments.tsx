'use client';

import { SegmentBuilder } from '@crmkit/ui/segment-builder';
import { SegmentsList } from '@crmkit/ui/segments-list';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

/**
 * crmkit's SegmentsList beside its SegmentBuilder: picking a segment opens it in the builder (its tree, live count
 * and sample of members), "New segment" opens an empty one; a member of the sample opens the member's card. The
 * club's own segment — members whose membership expires this month — is open first.
 */
export function ClubSegments({ initialSegmentId }: { initialSegmentId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState<string | null>(initialSegmentId);
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
      <SegmentsList headingLevel={3} onOpenSegment={(s) => setOpen(s.id)} onNewSegment={() => setOpen(null)} />
      <SegmentBuilder
        key={open ?? 'new'}
        headingLevel={3}
        {...(open ? { segmentId: open } : {})}
        resources={['contacts']}
        onSaved={(s) => setOpen(s.id)}
        onOpenRecord={({ resource, id }) => {
          if (resource === 'contacts') router.push(`/members/${id}`);
        }}
      />
    </div>
  );
}
