import { startCrmServer } from '../node.js';
import { SEED_KINDS } from '../seeding.js';
import { formatKeys, rememberedKeys } from '../workspace/remembered-keys.js';
import {
  CommandError,
  choiceFlag,
  DATABASE_FLAGS,
  databaseFrom,
  type Io,
  intFlag,
  parseFlags,
  UsageError,
} from './args.js';

export const SERVE_HELP = `Usage: crmkit-server [options]
       crmkit-server keys [--data-dir DIR | --database-url URL] [--json]
       crmkit-server token --workspace ID --user ID_OR_EMAIL [--role ROLE] [--expires SECONDS]
       crmkit-server backup --to FILE [--data-dir DIR]
       crmkit-server restore --from FILE --data-dir DIR

Serves the crmkit CRM API (the reference server) over HTTP.

Options:
  --port N              Port to listen on (default 4321; 0 picks a free one)
  --host HOST           Interface to listen on (default 127.0.0.1; 0.0.0.0 for all)
  --data-dir DIR        PGlite data directory (default ./.crmkit-data; ":memory:" keeps nothing)
  --database-url URL    Use a PostgreSQL server instead of PGlite (postgres://user:pass@host/db)
  --pool-size N         PostgreSQL connections this process opens at most (default 10)
  --no-listen           Do not LISTEN for other processes' commits: feeds poll every second instead
                        (behind a pooler in transaction mode, which cannot LISTEN)
  --seed KIND           demo, fitness or none (default none): data to load when the database is empty
  --rate-limit N        Requests per minute per token (default 1200; 0 switches the limit off)
  -h, --help            Show this help

Commands:
  keys                  Print the API keys of seeded workspaces   (crmkit-server keys --help)
  token                 Mint an embed token for a user            (crmkit-server token --help)
  backup                Back up a stopped embedded database       (crmkit-server backup --help)
  restore               Restore such a backup into a new directory (crmkit-server restore --help)

Migrations run on every start; seeding happens only into an empty database, so restarts keep the data.`;

/** `crmkit-server [options]`: serves until SIGINT or SIGTERM, then closes connections and the database. */
export async function serveCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseFlags(args, {
    ...DATABASE_FLAGS,
    port: { type: 'string' },
    host: { type: 'string' },
    seed: { type: 'string' },
    'rate-limit': { type: 'string' },
    'pool-size': { type: 'string' },
    'no-listen': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(SERVE_HELP);
    return 0;
  }
  const port = intFlag('port', values.port, 4321, 0, 65_535);
  const hostname = values.host ?? '127.0.0.1';
  const seed = choiceFlag('seed', values.seed, [...SEED_KINDS, 'none'], 'none');
  const rateLimit = intFlag('rate-limit', values['rate-limit'], 1200, 0, 1_000_000);
  const database = databaseFrom(values);
  if (values['pool-size'] !== undefined) {
    if (!database.options.url) throw new UsageError('--pool-size applies to PostgreSQL (--database-url) only.');
    database.options.poolSize = intFlag('pool-size', values['pool-size'], 10, 1, 1000);
  }

  io.out(`Opening ${database.label}…`);
  const running = await startCrmServer({
    database: database.options,
    port,
    hostname,
    seed: seed === 'none' ? null : seed,
    capabilities: { rateLimit: rateLimit > 0 ? { limit: rateLimit, windowSeconds: 60 } : null },
    ...(values['no-listen'] ? { listen: false } : {}),
    log: (line) => io.out(line),
    onError: (e) => io.err(`[crmkit-server] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
  }).catch((error: unknown) => {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE')
      throw new CommandError(`Port ${port} on ${hostname} is already in use; pick another with --port.`);
    throw error;
  });
  if (seed !== 'none' && !running.seeded) io.out(`The database already has data: not seeding ${seed}.`);

  // Listen for the signals before telling anyone the server is up: a supervisor that stops it as soon as it reads
  // the banner must get a clean shutdown (database closed, data directory released), not the default kill.
  const stopped = new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.out(`\n${signal}: shutting down…`);
      running.close().then(resolve, (e: unknown) => {
        io.err(`[crmkit-server] ${String(e)}`);
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  const keys = await rememberedKeys(running.db);
  const example = keys.find((w) => w.keys.admin)?.keys.admin;
  const lines = [
    '',
    `crmkit-server is listening on ${running.url}`,
    `  API docs:  ${running.url}/docs`,
    `  OpenAPI:   ${running.url}/openapi.json`,
    `  Rate limit: ${rateLimit > 0 ? `${rateLimit} requests/min per token` : 'off'}`,
    ...(database.options.url
      ? [
          `  Change feed: ${running.server.context.events.live ? 'other processes heard at once (LISTEN/NOTIFY)' : 'polls every second for other processes'}`,
        ]
      : []),
    '',
  ];
  if (keys.length > 0) {
    lines.push('API keys:', formatKeys(keys), '');
  } else {
    lines.push('No seeded workspaces: start with --seed demo, or create one with provisionWorkspace().', '');
  }
  if (example) {
    lines.push(
      'Try:',
      `  curl -H "Authorization: Bearer ${example}" "${running.url}/v1/contacts?limit=3"`,
      `  curl -N -H "Authorization: Bearer ${example}" ${running.url}/v1/events    # live change feed`,
      '',
    );
  }
  lines.push('Press Ctrl+C to stop.');
  io.out(lines.join('\n'));

  await stopped;
  io.out('Stopped.');
  return 0;
}
