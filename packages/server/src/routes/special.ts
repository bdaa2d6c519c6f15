import type { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { registerTicketRoutes } from './tickets.js';

export function registerSpecialRoutes(app: Hono<AppEnv>): void {
  registerTicketRoutes(app);
}
