import { sql as initial } from './001_initial.js';
import { sql as listIndexes } from './002_list_indexes.js';
import { sql as sharedState } from './003_shared_state.js';

/** Versioned migrations, applied in order; never edit one that has shipped, add the next. */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'list_indexes', sql: listIndexes },
  { version: 3, name: 'shared_state', sql: sharedState },
  // 4 is the automation engine's (the automation work).
];
