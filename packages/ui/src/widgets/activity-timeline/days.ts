import type { RecordOf } from '@crmkit/client';
import type { Format } from '@crmkit/react';
import type { Translate } from '../../i18n/translate.js';

type Activity = RecordOf<'activities'>;

/** One day of the feed. */
export interface Day {
  /** `YYYY-MM-DD` in the provider's time zone. */
  key: string;
  /** "Today", "Yesterday", or the date in words. */
  label: string;
  items: Activity[];
}

/**
 * Activities (newest first) grouped by the day they happened in the provider's time zone, each day labelled "Today",
 * "Yesterday" or with its date.
 *
 * @example
 * groupByDay(items, f, now, t); // [{ key: '2026-05-04', label: 'Today', items: [...] }, ...]
 */
export function groupByDay(items: readonly Activity[], f: Format, now: Date, t: Translate): Day[] {
  const today = f.dayKey(now);
  const yesterday = f.dayKey(new Date(now.getTime() - 86_400_000));
  const out: Day[] = [];
  for (const a of items) {
    const key = f.dayKey(a.occurredAt);
    let day = out[out.length - 1];
    if (day?.key !== key) {
      const label =
        key === today
          ? t('timeline.today')
          : key === yesterday
            ? t('timeline.yesterday')
            : f.date(a.occurredAt, 'long');
      day = { key, label, items: [] };
      out.push(day);
    }
    day.items.push(a);
  }
  return out;
}
