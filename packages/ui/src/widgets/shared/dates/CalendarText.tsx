import { useFormat } from '@crmkit/react';
import { dateEntry, dateInput, parseDate } from '@crmkit/react/input';
import { useState } from 'react';
import { useT } from '../../../context/i18n.js';
import { MessagesScope } from '../../../context/scope.js';
import { datesMessages } from '../../../i18n/messages/dates/index.js';
import { TextField } from '../../../primitives/Field.js';
import type { DateFieldProps } from './props.js';

/** `DateField`'s text input for a calendar the browser's date input does not show. */
export function CalendarText(props: DateFieldProps) {
  const { onChange, ...field } = props;
  return (
    <MessagesScope part={datesMessages} fallback={<TextField {...field} value="" readOnly />}>
      <DateText {...props} />
    </MessagesScope>
  );
}

function DateText({ value, onChange, time, error, description, onBlur, ...field }: DateFieldProps) {
  const t = useT();
  const format = useFormat();
  const [text, setText] = useState(() => dateInput(format, value));
  // The value last sent up (or given): another one from the host (a reset, a new record) replaces the text.
  const [sent, setSent] = useState(value);
  const [touched, setTouched] = useState(false);
  if (value !== sent) {
    setSent(value);
    setText(dateInput(format, value));
  }
  const entry = dateEntry(format);
  const letters = entry.order.map((p) => t(`date.${p}`)).join(entry.separator);
  const pattern = `${time ? `${letters} ${t('date.time')}` : letters}${entry.era ? ` (${entry.era})` : ''}`;
  const year = new Date().getFullYear();
  const example = dateInput(format, time ? `${year}-12-31T14:30` : `${year}-12-31`);
  const result = text.trim() ? parseDate(format, text, { time }) : undefined;
  const problem =
    result && 'error' in result && (touched || error)
      ? result.error === 'era'
        ? t('date.era', { era: entry.era ?? '', year: String(result.year), typed: String(result.typed) })
        : t('date.invalid', { pattern, example })
      : undefined;
  return (
    <TextField
      {...field}
      value={text}
      autoComplete="off"
      description={description ?? t('date.format', { pattern, example })}
      error={problem ?? error}
      onChange={(e) => {
        const typed = e.target.value;
        const read = typed.trim() ? parseDate(format, typed, { time }) : { value: '' };
        const out = 'value' in read ? read.value : typed;
        setText(typed);
        setSent(out);
        onChange(out);
      }}
      onBlur={(e) => {
        setTouched(true);
        onBlur?.(e);
      }}
    />
  );
}
