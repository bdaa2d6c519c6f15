/**
 * The `crmkit-server` command line: serves the reference server, prints seeded API keys, mints embed tokens, backs up
 * and restores an embedded database.
 * Node only; `bin/crmkit-server.mjs` runs {@link runCli} from the build.
 */
import { DataDirLockedError } from '../db/lock-error.js';
import { CommandError, type Io, UsageError } from './args.js';
import { backupCommand, restoreCommand } from './backup.js';
import { keysCommand } from './keys.js';
import { serveCommand } from './serve.js';
import { tokenCommand } from './token.js';

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  keys: keysCommand,
  token: tokenCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

const consoleIo: Io = { out: (text) => console.log(text), err: (text) => console.error(text) };

/**
 * Runs the CLI with `argv` (without `node` and the script) and resolves with its exit code: 0 on success,
 * 1 when a command fails, 2 on bad usage (unknown flags, bad values). The server command resolves once it
 * has been stopped by SIGINT/SIGTERM.
 *
 * @example
 * process.exitCode = await runCli(['keys', '--data-dir', '.crmkit-demo', '--json']);
 */
export async function runCli(argv: readonly string[], io: Io = consoleIo): Promise<number> {
  const [first, ...rest] = argv;
  const command = first !== undefined && Object.hasOwn(COMMANDS, first) ? COMMANDS[first]! : null;
  const name = command ? `crmkit-server ${first}` : 'crmkit-server';
  try {
    if (first !== undefined && !command && !first.startsWith('-')) {
      throw new UsageError(`Unknown command "${first}"; the commands are: ${Object.keys(COMMANDS).join(', ')}.`);
    }
    return command ? await command(rest, io) : await serveCommand([...argv], io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${name}: ${error.message}\nRun "${name} --help" for usage.`);
      return 2;
    }
    if (error instanceof CommandError || error instanceof DataDirLockedError) {
      io.err(`${name}: ${error.message}`);
      return 1;
    }
    io.err(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}
