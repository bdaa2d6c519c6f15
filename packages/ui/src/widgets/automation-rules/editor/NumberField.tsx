import { useRef, useState } from 'react';
import { TextField, type TextFieldProps } from '../../../primitives/Field.js';

/** Props of {@link NumberField}. */
export interface NumberFieldProps extends Omit<TextFieldProps, 'value' | 'onChange' | 'type'> {
  value: number | undefined;
  /** Called with each number typed, `undefined` when emptied; partial input such as `-` or `1.` waits. */
  onChange: (value: number | undefined) => void;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A number input that keeps what the user types (`-`, `1.`) while its owner holds the number it stands for; a value
 * changed from outside replaces the text.
 */
export function NumberField({ value, onChange, ...rest }: NumberFieldProps) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [seen, setSeen] = useState(value);
  const sent = useRef(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== sent.current) setText(value === undefined ? '' : String(value));
  }
  return (
    <TextField
      {...rest}
      inputMode="decimal"
      value={text}
      onChange={(e) => {
        const typed = e.target.value;
        setText(typed);
        const n = typed.trim() === '' ? undefined : NUMBER.test(typed.trim()) ? Number(typed) : null;
        if (n === null) return;
        sent.current = n;
        onChange(n);
      }}
    />
  );
}
