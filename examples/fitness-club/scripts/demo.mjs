#!/usr/bin/env node
// The club demo in one command: the crmkit reference server in this process (PGlite on disk, seeded with the fitness
// data set — "Lotus Fitness Club", ws_fitness — on first start), a local mail sink its e-mails go to (nothing is
// delivered: scripts/mail-sink.mjs), and the Next.js app (`next build` + `next start`, or `next dev` with --dev) told
// where the CRM and the sink are and which admin key mints embed tokens.
//   node scripts/demo.mjs [--dev] [--port 4323] [--crm-port 4324] [--data-dir DIR]
// Needs the packages built (`pnpm build` at the repository root). Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { smtpEmailChannel, startCrmServer } from '@crmkit/server/node';
import { startMailSink } from './mail-sink.mjs';

const clubDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const WORKSPACE = 'ws_fitness';

const { values } = parseArgs({
  options: {
    dev: { type: 'boolean', default: false },
    port: { type: 'string', default: '4323' },
    'crm-port': { type: 'string', default: '4324' },
    host: { type: 'string', default: '127.0.0.1' },
    // Not the portal's .crmkit-demo: that one holds the demo seed.
    'data-dir': { type: 'string', default: `${repoRoot}.crmkit-fitness-club` },
  },
});

const started = Date.now();
const dataDir = values['data-dir'];
const crmPort = Number(values['crm-port']);
if (!(crmPort > 0)) {
  console.error('--crm-port needs a fixed port: the tracking links in the e-mails point at it.');
  process.exit(1);
}
// On this machine only, whatever --host says: only the CRM and the club's server talk to it.
const sink = await startMailSink();
const email = smtpEmailChannel({ ...sink.smtp, from: '"Lotus Fitness Club" <hello@lotusfitness.vn>' });
console.log('Starting the crmkit reference server…');
const crm = await startCrmServer({
  database: dataDir === ':memory:' ? {} : { dataDir: resolve(dataDir) },
  port: crmPort,
  hostname: values.host,
  seed: 'fitness',
  // E-mails go to the sink; their open pixel, click and unsubscribe links point back at this server.
  automation: {
    channels: [email],
    campaigns: { publicUrl: `http://${values.host.includes(':') ? `[${values.host}]` : values.host}:${crmPort}` },
  },
  log: (line) => console.log(`  ${line}`),
});

// The admin key: from this start's seed, or the one the seed remembered on an earlier start.
let apiKey = crm.seeded?.find((w) => w.id === WORKSPACE)?.keys.admin;
if (!apiKey) {
  const { rows } = await crm.db.query(
    "SELECT api_key FROM demo_credentials WHERE workspace_id = $1 AND label = 'admin'",
    [WORKSPACE],
  );
  apiKey = rows[0]?.api_key;
}
if (!apiKey) {
  console.error(`${resolve(dataDir)} holds no ${WORKSPACE} workspace: pass another --data-dir (or delete it).`);
  await crm.close();
  await sink.close();
  process.exit(1);
}

const next = resolve(createRequire(import.meta.url).resolve('next/package.json'), '../dist/bin/next');
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  CRM_URL: crm.url,
  CRM_API_KEY: apiKey,
  MAIL_SINK_URL: sink.url,
};
const run = (args) => spawn(process.execPath, [next, ...args], { cwd: clubDir, env, stdio: 'inherit' });

if (!values.dev) {
  console.log('Building the club (next build)…');
  const code = await new Promise((done) => run(['build']).on('exit', (c) => done(c ?? 1)));
  if (code !== 0) {
    await crm.close();
    await sink.close();
    process.exit(code);
  }
}
const child = run([values.dev ? 'dev' : 'start', '--port', values.port, '--hostname', values.host]);
const url = `http://${values.host === '127.0.0.1' ? 'localhost' : values.host}:${values.port}`;
child.once('spawn', () => {
  console.log(
    [
      '',
      'Lotus Fitness Club (Next.js + Tailwind, embeds crmkit)',
      `  Club:      ${url}/members`,
      `  CRM API:   ${crm.url}   (reference server, docs at ${crm.url}/docs; admin key ${apiKey})`,
      `  E-mail:    a local sink at smtp://${sink.smtp.host}:${sink.smtp.port}, nothing is delivered: ${url}/outbox`,
      ...(dataDir !== ':memory:' ? [`  CRM data:  ${resolve(dataDir)}`] : []),
      `  CRM ready in ${((Date.now() - started) / 1000).toFixed(1)} s; Next prints when the club is. Ctrl+C stops both.`,
      '',
    ].join('\n'),
  );
});

// Ctrl-C reaches the whole process group, Next included; a signal sent to this process alone is passed on.
let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null) child.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
child.on('exit', async (code, signal) => {
  await crm.close();
  email.close();
  await sink.close();
  process.exit(code ?? (signal ? 0 : 1));
});
