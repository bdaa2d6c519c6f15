import type { TextFieldProps } from '../../../primitives/Field.js';

/** Props of `DateField`: a date (or date and time) input in the calendar the widgets show. */
export interface DateFieldProps
  extends Omit<TextFieldProps, 'type' | 'value' | 'defaultValue' | 'onChange' | 'multiline'> {
  /**
   * `YYYY-MM-DD` (`YYYY-MM-DDTHH:mm` with `time`), `''` when empty — or, in a calendar typed as text, what the user
   * typed while it is not a date (it never matches `YYYY-MM-DD`, so a check of the value refuses it).
   */
  value: string;
  onChange: (value: string) => void;
  /** A date and a time of day (`datetime-local`). */
  time?: boolean;
}
