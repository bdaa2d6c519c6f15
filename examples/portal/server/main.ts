/**
 * `node --conditions=@crmkit/source --import tsx server/main.ts [options]`: the portal backend, with the crmkit
 * reference server in the same process (or an existing CRM: CRM_URL + CRM_API_KEY). Stops on Ctrl-C / SIGTERM.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { demoBanner } from './banner.js';
import { startPortal } from './start.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4322' },
    'crm-port': { type: 'string', default: process.env.CRM_PORT ?? '4321' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    'data-dir': { type: 'string', default: process.env.CRM_DATA_DIR ?? '.crmkit-data' },
    'static-dir': { type: 'string' },
    'public-url': { type: 'string' },
  },
});

const dataDir = values['data-dir']!;
const external =
  process.env.CRM_URL && process.env.CRM_API_KEY ? { url: process.env.CRM_URL, apiKey: process.env.CRM_API_KEY } : null;
const started = Date.now();
const portal = await startPortal({
  ...(external
    ? { crm: external }
    : { database: dataDir === ':memory:' ? {} : { dataDir: resolve(dataDir) }, crmPort: Number(values['crm-port']) }),
  port: Number(values.port),
  hostname: values.host!,
  staticDir: values['static-dir'] ? resolve(values['static-dir']) : null,
  log: (line) => console.log(`  ${line}`),
}).catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  console.error(
    code === 'EADDRINUSE'
      ? `A port is already in use (${String((error as { message?: string }).message)}); pick others with --port / --crm-port.`
      : error,
  );
  process.exit(1);
});

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
console.log(
  demoBanner(portal, {
    url: values['public-url'] ?? portal.url,
    dataDir: dataDir === ':memory:' ? undefined : resolve(dataDir),
    seconds: (Date.now() - started) / 1000,
    bold,
  }),
);

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the portal and the CRM…`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  portal.close().then(
    () => {
      console.log('Stopped.');
      process.exit(0);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
