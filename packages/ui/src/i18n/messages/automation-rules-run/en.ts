/** The English strings of AutomationRules' "Run now" dialog, loaded with it (see `../en.ts`). */
export const en = {
  'ruleRun.title': 'Run “{name}” now',
  'ruleRun.description': 'Choose up to {max} {nouns} to run it on. Its conditions still apply.',
  'ruleRun.source': 'Choose from',
  'ruleRun.source.search': 'Search by name',
  'ruleRun.source.segment': 'A saved segment',
  'ruleRun.find': 'Find a {noun} by name',
  'ruleRun.found': 'Found',
  'ruleRun.noMatch': 'Nothing found.',
  'ruleRun.segment': 'Segment',
  'ruleRun.noSegments': 'There are no saved segments of {nouns}.',
  'ruleRun.addMembers': {
    '=0': 'The segment is empty',
    one: 'Add its {count} member',
    other: 'Add its {count} members',
  },
  'ruleRun.capped': 'Only {max} can be run at once: the first {max} are added.',
  'ruleRun.chosen': { '=0': 'Nothing chosen yet', one: '{count} chosen', other: '{count} chosen' },
  'ruleRun.remove': 'Remove {name}',
  'ruleRun.run': 'Run now',
  'ruleRun.none': 'Choose at least one {noun}.',
  'ruleRun.started': { '=0': 'Started for nobody', one: 'Started for {count}', other: 'Started for {count}' },
  'ruleRun.skipped': {
    one: 'Not started for {count}: not meeting the conditions, or already run',
    other: 'Not started for {count}: not meeting the conditions, or already run',
  },
  'ruleRun.openLog': 'Open the run log',
} as const;
