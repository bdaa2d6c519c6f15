'use client';

import { PipelineBoard } from '@crmkit/ui/pipeline-board';
import { useRouter } from 'next/navigation';

/**
 * crmkit's PipelineBoard as the club's renewals pipeline (expiring soon → contacted → offer sent → renewed / churned).
 * Opening a renewal goes to its member's card — the club routes, the widget only calls back.
 */
export function RenewalsBoard() {
  const router = useRouter();
  return (
    <PipelineBoard
      pipelineId="pip_fit_renewals"
      height="min(70vh, 720px)"
      onOpenDeal={(_id, deal) => {
        const member = deal.contactIds[0];
        if (member) router.push(`/members/${member}`);
      }}
    />
  );
}
