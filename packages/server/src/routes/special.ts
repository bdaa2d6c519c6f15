import type { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';

export function registerSpecialRoutes(_app: Hono<AppEnv>): void {}
