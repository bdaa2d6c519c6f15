/**
 * The English words of what a server refused (a field error's `code`, with its `params`; see `@crmkit/core/problems`):
 * in the chunks of the forms and reports that show them (the edit form, the bulk reports), so no first load carries
 * them. A code without a message here shows the server's own English.
 */
export const en = {
  'problem.required': 'This field is required.',
  'problem.tooLong': 'Use at most {max} characters.',
  'problem.tooShort': 'Use at least {min} characters.',
  'problem.tooMany': 'Choose at most {max}.',
  'problem.tooFew': 'Choose at least {min}.',
  'problem.min': 'Enter {min} or more.',
  'problem.max': 'Enter {max} or less.',
  'problem.number': 'Enter a number.',
  'problem.integer': 'Enter a whole number.',
  'problem.invalidType': 'This value has the wrong type.',
  'problem.email': 'Enter a valid email address, like name@example.com.',
  'problem.phone': 'Enter a valid phone number with the country code (+84 90 123 4567).',
  'problem.url': 'Enter a valid web address, like https://example.com.',
  'problem.date': 'Enter a valid date.',
  'problem.dateTime': 'Enter a valid date and time.',
  'problem.currency': 'Enter a currency code, like VND or THB.',
  'problem.oneOf': 'Choose one of: {options}.',
  'problem.unknownField': 'This field does not exist here: {fields}.',
  'problem.notFound': 'This record no longer exists.',
  'problem.notInPipeline': 'This stage is not in the pipeline {pipeline}.',
  'problem.lostReasonRequired': 'Give a reason to move it to {stage}.',
  'problem.linkRequired': 'Link it to a contact, company, deal or ticket.',
  'problem.nameOrContact': 'Enter a name, an email or a phone number.',
  'problem.unknownPlaceholder': 'There is no field {placeholder} to fill in.',
  'problem.malformedPlaceholder': 'A placeholder is not closed or not well formed.',
  'problem.noTestAddress': 'You have no address of your own on this channel to send the test to.',
  'problem.future': 'Choose a time in the future.',
  'problem.changed': 'Someone else changed it meanwhile; try again.',
} as const;
