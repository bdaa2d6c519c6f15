import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AREAS, type Area, type Level } from './base/types.js';
import { formatJson, formatJunit, formatPretty, summaryLines } from './report.js';
import { runConformance } from './runner.js';

const HELP = `crmkit-conformance — check that a server speaks the crmkit CRM API

Usage:
  crmkit-conformance --base-url URL --token T [options]

Options:
  --base-url URL               the server (its contract paths start with /v1)
  --token T                    an admin API key (or embed token) of workspace A
  --token-other-workspace T2   a token of another workspace: enables the isolation checks
  --token-viewer T3            a viewer token of workspace A (default: minted via POST /v1/embed-tokens)
  --only AREA[,AREA]           run only these areas (a partial run claims no level): ${AREAS.join(', ')}
  --level core|full            the level that must be reached for exit code 0 (default: full)
  --report pretty|json|junit   output format (default: pretty)
  --output FILE                write the report to FILE instead of stdout
  --seed N                     seed of the fuzzing (printed in every report, to reproduce a failure)
  --fuzz-runs N                runs per fuzzed operation (default 100)
  --time-budget-ms N           time budget of all fuzzing (default 30000)
  --keep-data                  do not delete the records the kit created
  --verbose                    also print what each check verified
  -h, --help                   this help

Exit code: 0 when the level is reached (with --only: when the checks run meet it), 1 when not, 2 on a usage error.
Environment: CRMKIT_TOKEN, CRMKIT_TOKEN_OTHER_WORKSPACE, CRMKIT_TOKEN_VIEWER can replace the token options.`;

function usage(message: string): never {
  process.stderr.write(`${message}\n\n${HELP}\n`);
  process.exit(2);
}

const int = (name: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) usage(`--${name} must be an integer`);
  return n;
};

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        'base-url': { type: 'string' },
        token: { type: 'string' },
        'token-other-workspace': { type: 'string' },
        'token-viewer': { type: 'string' },
        only: { type: 'string' },
        level: { type: 'string' },
        report: { type: 'string' },
        output: { type: 'string' },
        seed: { type: 'string' },
        'fuzz-runs': { type: 'string' },
        'time-budget-ms': { type: 'string' },
        'keep-data': { type: 'boolean' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    usage((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const baseUrl = str('base-url');
  const token = str('token') ?? process.env.CRMKIT_TOKEN;
  if (!baseUrl) usage('--base-url is required');
  if (!token) usage('--token is required');
  const level = (str('level') ?? 'full') as Level;
  if (level !== 'core' && level !== 'full') usage('--level must be core or full');
  const format = str('report') ?? 'pretty';
  if (!['pretty', 'json', 'junit'].includes(format)) usage('--report must be pretty, json or junit');
  const only = str('only')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean) as Area[] | undefined;
  for (const a of only ?? []) if (!AREAS.includes(a)) usage(`unknown area "${a}"; areas: ${AREAS.join(', ')}`);
  const other = str('token-other-workspace') ?? process.env.CRMKIT_TOKEN_OTHER_WORKSPACE;
  const viewer = str('token-viewer') ?? process.env.CRMKIT_TOKEN_VIEWER;
  const seed = int('seed', str('seed'));
  const fuzzRuns = int('fuzz-runs', str('fuzz-runs'));
  const timeBudgetMs = int('time-budget-ms', str('time-budget-ms'));
  const pretty = format === 'pretty' && !str('output');
  const report = await runConformance({
    baseUrl,
    token,
    level,
    ...(other ? { tokenOtherWorkspace: other } : {}),
    ...(viewer ? { viewerToken: viewer } : {}),
    ...(only?.length ? { only } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(fuzzRuns !== undefined ? { fuzzRuns } : {}),
    ...(timeBudgetMs !== undefined ? { timeBudgetMs } : {}),
    ...(values['keep-data'] ? { keepData: true } : {}),
    onProgress: ({ type, check }) => {
      if (type === 'start' && process.stderr.isTTY) process.stderr.write(`\u001b[2K… ${check.id}\r`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\u001b[2K');
  const text =
    format === 'json'
      ? formatJson(report)
      : format === 'junit'
        ? formatJunit(report)
        : formatPretty(report, { verbose: Boolean(values.verbose) });
  const output = str('output');
  if (output) {
    writeFileSync(output, text);
    process.stdout.write(`${summaryLines(report).join('\n')}\nreport written to ${output}\n`);
  } else process.stdout.write(`${text}\n`);
  if (!pretty && !output) {
    const level = report.partial ? 'partial run, no level claimed' : `level reached: ${report.levelReached}`;
    process.stderr.write(`${level} (seed ${report.seed})\n`);
  }
  process.exitCode = report.passed ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`crmkit-conformance: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(2);
});
