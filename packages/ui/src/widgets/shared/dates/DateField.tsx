import { useFormat } from '@crmkit/react';
import { TextField } from '../../../primitives/Field.js';
import { CalendarText } from './CalendarText.js';
import type { DateFieldProps } from './props.js';

export type { DateFieldProps } from './props.js';

/** Calendars the browser's own date input shows (it knows no other). */
const NATIVE = new Set(['gregory', 'iso8601']);

/**
 * A date (or date and time) input that follows the calendar the widgets show dates in. In the Gregorian calendar it is
 * the browser's `date` / `datetime-local` input (its picker, its keyboard and screen-reader support). In another
 * calendar — Thai's Buddhist era, the default for `th-TH` — it is a text input typed the way dates are shown
 * (`7/12/2569`, `7/12/2569 14:30`), with the format as its description and a clear message for what it cannot read:
 * the browser's input would make a user who reads 2569 everywhere edit 2026 (see `@crmkit/react/input`'s
 * `parseDate`). The value is the stored form either way. It brings the date parser along: use it in code that loads
 * lazily (the edit form, the composer, dialogs), not in a widget's eager code.
 *
 * @example
 * <DateField label={t('field.birthday')} value={birthday} onChange={setBirthday} error={errors.birthday} />
 */
export function DateField({ value, onChange, time, ...field }: DateFieldProps) {
  const { calendar } = useFormat();
  const native = (
    <TextField
      {...field}
      type={time ? 'datetime-local' : 'date'}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
  if (NATIVE.has(calendar)) return native;
  return <CalendarText {...field} value={value} onChange={onChange} time={time} />;
}
