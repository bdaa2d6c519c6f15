import { sql as initial } from './001_initial.js';
import { sql as listIndexes } from './002_list_indexes.js';
import { sql as sharedState } from './003_shared_state.js';
import { sql as automation } from './004_automation.js';
import { sql as segments } from './005_segments.js';
import { sql as inbox } from './006_inbox.js';
import { sql as dealActivity } from './007_deal_activity.js';
import { sql as contactNames } from './008_contact_names.js';
import { sql as campaigns } from './009_campaigns.js';
import { sql as pipelineLabels } from './010_pipeline_labels.js';

/**
 * Versioned migrations, applied in order; never edit one that has shipped, add the next. A database that has a later
 * one but not an earlier one (3 landed after 4) gets the missing one applied at its next start.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'list_indexes', sql: listIndexes },
  { version: 3, name: 'shared_state', sql: sharedState },
  { version: 4, name: 'automation', sql: automation },
  { version: 5, name: 'segments', sql: segments },
  { version: 6, name: 'inbox', sql: inbox },
  { version: 7, name: 'deal_activity', sql: dealActivity },
  { version: 8, name: 'contact_names', sql: contactNames },
  { version: 9, name: 'campaigns', sql: campaigns },
  { version: 10, name: 'pipeline_labels', sql: pipelineLabels },
];
