/** Starts the reference server on CRMKIT_BENCH_URL for the server benchmark, on a free port it prints. */
import { serve } from '@hono/node-server';
import { createCrmServer } from '../packages/server/src/app.js';
import { openDatabase } from '../packages/server/src/db/database.js';

const db = await openDatabase({ url: process.env.CRMKIT_BENCH_URL! });
const server = await createCrmServer({ db, capabilities: { events: false } });
serve({ fetch: server.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`listening on ${info.port}`));
process.on('SIGTERM', () => db.close().then(() => process.exit(0)));
