/**
 * The strings of a date typed in a calendar other than the Gregorian one (Thai's Buddhist era): the format hint and
 * what is wrong with a date as typed. `{pattern}` is built from the placeholders in the locale's order (`dd/mm/yyyy`).
 */
export const en = {
  'date.day': 'dd',
  'date.month': 'mm',
  'date.year': 'yyyy',
  'date.time': 'hh:mm',
  'date.format': '{pattern}, e.g. {example}',
  'date.invalid': 'Write the date as {pattern}, e.g. {example}.',
  'date.era': 'Years here are {era}: type {year}, not {typed}.',
} as const;
