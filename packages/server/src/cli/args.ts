import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { OpenDatabaseOptions } from '../db/types.js';

/** Bad command-line usage: printed with a hint to `--help`, exit code 2. */
export class UsageError extends Error {}

/** A command that could not do its job (no database, unknown user…): exit code 1. */
export class CommandError extends Error {}

/** Where a command writes. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: false }>
>;

/** `parseArgs` in strict mode, with its errors turned into {@link UsageError}s. */
export function parseFlags<O extends Options>(args: string[], options: O): Parsed<O> {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** An integer flag within `[min, max]`, or the default when absent. */
export function intFlag(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max} (got "${raw}").`);
  }
  return n;
}

/** A flag that must be one of `choices`. */
export function choiceFlag<T extends string>(
  name: string,
  raw: string | undefined,
  choices: readonly T[],
  fallback: T,
): T {
  if (raw === undefined) return fallback;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')} (got "${raw}").`);
  }
  return raw as T;
}

export const DEFAULT_DATA_DIR = './.crmkit-data';

/** The database flags shared by every command. */
export const DATABASE_FLAGS = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
} as const satisfies Options;

/**
 * The database the flags name: PostgreSQL for `--database-url`, PGlite in memory for `--data-dir :memory:`,
 * else PGlite in `--data-dir` (default `./.crmkit-data`). With `mustExist`, a missing data directory is an
 * error instead of a new empty database.
 */
export function databaseFrom(
  values: { 'data-dir'?: string; 'database-url'?: string },
  mustExist = false,
): { options: OpenDatabaseOptions; label: string } {
  const url = values['database-url'];
  if (url !== undefined) {
    if (values['data-dir'] !== undefined) throw new UsageError('Give either --data-dir or --database-url, not both.');
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new UsageError('--database-url must be a postgres:// or postgresql:// URL.');
    }
    return { options: { url }, label: `PostgreSQL ${redactUrl(url)}` };
  }
  const dir = values['data-dir'] ?? DEFAULT_DATA_DIR;
  if (dir === '') throw new UsageError('--data-dir must not be empty.');
  if (dir === ':memory:') {
    if (mustExist) throw new UsageError('An in-memory database (--data-dir :memory:) only lives inside the server.');
    return { options: {}, label: 'PGlite in memory (data is lost on exit)' };
  }
  const path = resolve(dir);
  if (mustExist && !existsSync(path)) {
    throw new CommandError(
      `No database in ${path}. Start the server first: crmkit-server --seed demo --data-dir ${dir}`,
    );
  }
  return { options: { dataDir: path }, label: `PGlite in ${path}` };
}

/** The URL without its password, for printing. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
