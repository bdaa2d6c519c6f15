import type { SelectOption } from '../../../primitives/Field.js';

/**
 * A picker's options with the stored value as an option of its own (its raw id or path) when they do not include it —
 * a pipeline, endpoint or field the workspace no longer offers is shown, and saved again, as it is; `ready` false while
 * the options load (the value is not yet known missing).
 *
 * @example
 * withStored([{ value: 'pip_1', label: 'Renewals' }], 'pip_gone'); // […, { value: 'pip_gone', label: 'pip_gone' }]
 */
export function withStored(options: SelectOption[], value: string, ready = true): SelectOption[] {
  return value && ready && !options.some((o) => o.value === value) ? [...options, { value, label: value }] : options;
}
