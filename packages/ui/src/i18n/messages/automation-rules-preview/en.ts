/** The English strings of AutomationRules' preview for one record, loaded with it (see `../en.ts`). */
export const en = {
  'rulePreview.title': 'What would it do for one {noun}?',
  'rulePreview.find': 'Find a {noun} by name',
  'rulePreview.found': 'Found',
  'rulePreview.noMatch': 'Nothing found.',
  'rulePreview.matches': '{name} meets the conditions. The rule would, nothing done now:',
  'rulePreview.noMatchConditions': '{name} does not meet the conditions now, so the rule would not start. If it did:',
  'rulePreview.branch.yes': 'check whether {condition}: yes',
  'rulePreview.branch.no': 'check whether {condition}: no',
  'rulePreview.branch.unknown': 'check whether {condition}',
} as const;
