import { sql as initial } from './001_initial.js';

/** Versioned migrations, applied in order; never edit one that has shipped, add the next. */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'initial', sql: initial },
];
