/** Runs the CLI from source (used by bin/crmkit-server.mjs before the package is built). */
import { runCli } from './index.js';

process.exitCode = await runCli(process.argv.slice(2));
