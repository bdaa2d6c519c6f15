/**
 * The English strings of editing: a form's field checks and the prompt after a write that lost a race (412) — in the
 * chunks of the forms and dialogs that show them, so a page that only displays records does not carry them.
 */
export const en = {
  'conflict.title': 'Someone else changed this',
  'conflict.description': 'This record was changed while you were editing. Choose which version to keep.',
  'conflict.keepMine': 'Keep mine',
  'conflict.takeTheirs': 'Take theirs',
  'conflict.yours': 'Your version',
  'conflict.theirs': 'Their version',
  'validation.required': 'This field is required.',
  'validation.email': 'Enter a valid email address, like name@example.com.',
  'validation.phone': 'Enter a valid phone number, as you dial it or with the country code (+1 212 555 0100).',
  'validation.url': 'Enter a valid web address.',
  'validation.number': 'Enter a number.',
  'validation.numberLike': 'Enter a number, like {example}.',
  'validation.separators': 'Write it like {example}.',
  'validation.decimals': { one: 'Use at most {count} decimal.', other: 'Use at most {count} decimals.' },
  'validation.noDecimals': 'This currency has no decimals.',
  'validation.tooLarge': 'This number is too large.',
  'validation.date': 'Enter a valid date.',
  'validation.min': 'Enter {min} or more.',
  'validation.max': 'Enter {max} or less.',
  'validation.tooLong': { one: 'Use at most {count} character.', other: 'Use at most {count} characters.' },
  'validation.duplicate': 'This value is already in use.',
  'validation.invalid': 'Check this value.',
  'validation.summary': { one: 'Fix {count} field to continue.', other: 'Fix {count} fields to continue.' },
} as const;
