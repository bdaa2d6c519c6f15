import type { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { registerDealRoutes } from './deals.js';
import { registerLeadRoutes } from './leads.js';
import { registerTicketRoutes } from './tickets.js';

export function registerSpecialRoutes(app: Hono<AppEnv>): void {
  registerDealRoutes(app);
  registerLeadRoutes(app);
  registerTicketRoutes(app);
}
