/**
 * The English strings of what PipelineBoard loads lazily (the "Move…" menu, the filter form, the forecast, the
 * lost-reason prompt, quick add): added by that chunk (`widgets/pipeline-board/extras/`), so the board's first load
 * does not carry them. `{entity}` / `{entities}` are the workspace's own names of a deal, lower case.
 */
export const en = {
  'board.forecast': 'Weighted forecast by expected close month',
  'board.forecast.noDate': 'No date',
  'board.forecast.empty': 'No open {entities} with an amount',
  'board.card.moveUp': 'Move up',
  'board.card.moveDown': 'Move down',
  'board.card.moveTo': 'Move to {stage}',
  'board.card.current': '{stage} (current)',
  'board.lost.title': 'Why was {name} lost?',
  'board.lost.description': 'The reason is saved with the {entity} when it moves to {stage}.',
  'board.lost.reason': 'Reason',
  'board.lost.other': 'Another reason',
  'board.lost.details': 'Describe the reason',
  'board.lost.confirm': 'Mark as lost',
  'board.lost.required': 'Choose a reason or describe one.',
  'board.filter.tagsHint': 'Separate tags with commas.',
  'board.filter.owner': 'Owner',
  'board.filter.anyone': 'Anyone',
  'board.filter.mine': 'Mine',
  'board.filter.tags': 'Tags',
  'board.filter.amountMin': 'Amount from',
  'board.filter.amountMax': 'Amount to',
  'board.filter.probabilityMin': 'Probability from (%)',
  'board.filter.probabilityMax': 'Probability to (%)',
  'board.filter.close': 'Expected close',
  'board.filter.closeAny': 'Any time',
  'board.filter.closeOverdue': 'Overdue',
  'board.filter.closeThisMonth': 'This month',
  'board.filter.closeNextMonth': 'Next month',
  'board.filter.rotting': 'Idle {entities} only',
  'board.add.name': 'Name',
  'board.add.amount': 'Amount ({currency})',
  'board.add.added': '{name} added to {stage}',
} as const;
