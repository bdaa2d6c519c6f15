'use client';

import { AutomationRules } from '@crmkit/ui/automation-rules';
import { useOpenRecord } from './useOpenRecord';

/**
 * crmkit's AutomationRules as the club's touch plan: the seeded rules (welcome, first-visit check, birthday, renewal
 * reminders, win-back…) each in one sentence of the page's language, on or off, with their runs; a run opens the
 * member (or renewal) it ran on. Switching rules takes a manager; the front desk reads them.
 */
export function ClubRules() {
  const openRecord = useOpenRecord();
  return <AutomationRules onOpenRecord={(target) => void openRecord(target)} />;
}
