#!/usr/bin/env node
// Launcher of the crmkit-server CLI; the code lives in the build (`pnpm build`).
import { runCli } from '../dist/cli.js';

process.exitCode = await runCli(process.argv.slice(2));
