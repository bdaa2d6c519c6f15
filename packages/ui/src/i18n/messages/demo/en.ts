/**
 * The strings of the demo surfaces around the widgets (the Storybook, where the reference server and its database
 * start in the visitor's browser). Not part of the widgets' catalogs: a host's bundle never carries them.
 */
export const en = {
  'demo.starting': 'Starting the demo CRM in your browser…',
  'demo.failed': 'The demo CRM could not start in your browser.',
} as const;
