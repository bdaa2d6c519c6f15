import { LeadConvert } from '@crmkit/spec';
import type { Hono } from 'hono';
import { contactResource } from '../contacts/resource.js';
import { withWrite } from '../core/context.js';
import { readBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { authorize } from '../resources/engine.js';
import { convertLead } from './convert.js';
import { leadResource } from './resource.js';

/** `POST /v1/leads/{id}/convert`. */
export function registerLeadRoutes(app: Hono<AppEnv>): void {
  app.post('/v1/leads/:id/convert', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, leadResource, 'update');
    authorize(ctx, contactResource, 'create');
    const body = await readBody(c, LeadConvert);
    return c.json(await withWrite(ctx, (w) => convertLead(w, c.req.param('id'), body)));
  });
}
