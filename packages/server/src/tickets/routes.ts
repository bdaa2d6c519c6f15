import { ListQuery, TicketMessageCreate } from '@crmkit/spec';
import type { Hono } from 'hono';
import { withWrite } from '../core/context.js';
import { readBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { parseOrThrow } from '../http/problem.js';
import { authorize, getRecord } from '../resources/engine.js';
import { listMessages } from './messages.js';
import { postTicketMessage } from './post-message.js';
import { ticketResource } from './resource.js';

const PageQuery = ListQuery.pick({ limit: true, cursor: true });

/** `GET /v1/tickets/{id}/messages` (oldest first, cursor-paginated) and `POST /v1/tickets/{id}/messages`. */
export function registerTicketRoutes(app: Hono<AppEnv>): void {
  app.get('/v1/tickets/:id/messages', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, ticketResource, 'read');
    const query = parseOrThrow(PageQuery, c.req.query());
    const ticket = await getRecord(ctx, ticketResource, c.req.param('id'));
    return c.json(await listMessages(ctx, ticket.id, query));
  });

  app.post('/v1/tickets/:id/messages', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, ticketResource, 'update');
    const body = await readBody(c, TicketMessageCreate);
    return c.json(await withWrite(ctx, (w) => postTicketMessage(w, c.req.param('id'), body)), 201);
  });
}
