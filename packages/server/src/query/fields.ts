/** The kinds of values columns hold, as lists, filters and writes see them. */

/** How an API field is stored. */
export type FieldKind = 'text' | 'int' | 'bigint' | 'numeric' | 'bool' | 'ts' | 'date' | 'json' | 'textarr';

/** SQL cast for a parameter of `kind`. */
export const CAST: Record<FieldKind, string> = {
  text: 'text',
  int: 'integer',
  bigint: 'bigint',
  numeric: 'numeric',
  bool: 'boolean',
  ts: 'timestamptz',
  date: 'date',
  json: 'jsonb',
  textarr: 'text[]',
};
