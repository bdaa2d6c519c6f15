import type { BusinessCalendar, FieldDefinition, LocalizedText, SlaPolicy } from '@crmkit/spec';

/** Text in English, Vietnamese and Thai. */
export const t = (en: string, vi: string, th: string): LocalizedText => ({ en, vi, th });

/** A custom field definition (optional, sortable and filterable unless told otherwise). */
export function customField(
  key: string,
  label: LocalizedText,
  type: FieldDefinition['type'],
  extra: Partial<Omit<FieldDefinition, 'key' | 'label' | 'type' | 'custom'>> = {},
): FieldDefinition {
  return { key, label, type, custom: true, required: false, sortable: true, filterable: true, ...extra };
}

/** Select options from `[value, label]` pairs. */
export const options = (...pairs: [string, LocalizedText][]) => pairs.map(([value, label]) => ({ value, label }));

/** Public holidays in Vietnam, 2026–2027 (Tết and Hùng Kings' day follow the lunar calendar). */
export const VN_HOLIDAYS_2026_2027 = [
  '2026-01-01',
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20',
  '2026-04-27',
  '2026-04-30',
  '2026-05-01',
  '2026-09-01',
  '2026-09-02',
  '2027-01-01',
  '2027-02-05',
  '2027-02-08',
  '2027-02-09',
  '2027-02-10',
  '2027-02-11',
  '2027-04-16',
  '2027-04-30',
  '2027-05-03',
  '2027-09-02',
  '2027-09-03',
];

/** Public holidays in Thailand, 2026–2027 (a selection). */
export const TH_HOLIDAYS_2026_2027 = [
  '2026-01-01',
  '2026-04-06',
  '2026-04-13',
  '2026-04-14',
  '2026-04-15',
  '2026-05-01',
  '2026-07-28',
  '2026-08-12',
  '2026-10-13',
  '2026-10-23',
  '2026-12-07',
  '2026-12-10',
  '2026-12-31',
  '2027-01-01',
  '2027-04-06',
  '2027-04-13',
  '2027-04-14',
  '2027-04-15',
  '2027-05-01',
];

/** A calendar open the same hours on the given weekdays (0 = Sunday). */
export function calendar(
  id: string,
  name: string,
  timeZone: string,
  days: number[],
  hours: { start: string; end: string },
  holidays: string[],
): BusinessCalendar {
  return { id, name, timeZone, weeklyHours: days.map((day) => ({ day, ...hours })), holidays };
}

type Minutes = [firstResponse: number | null, nextResponse: number | null, resolution: number | null];

/** SLA targets per priority, in business minutes: `[firstResponse, nextResponse, resolution]`. */
export function slaTargets(targets: Record<'urgent' | 'high' | 'normal' | 'low', Minutes>): SlaPolicy['targets'] {
  const one = ([firstResponseMinutes, nextResponseMinutes, resolutionMinutes]: Minutes) => ({
    firstResponseMinutes,
    nextResponseMinutes,
    resolutionMinutes,
  });
  return {
    urgent: one(targets.urgent),
    high: one(targets.high),
    normal: one(targets.normal),
    low: one(targets.low),
  };
}
