import { ListQuery, TicketMerge, TicketMessageCreate, TicketMessageQuery, TicketPresenceUpdate } from '@crmkit/spec';
import type { Hono } from 'hono';
import { withWrite } from '../core/context.js';
import { readBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { parseOrThrow } from '../http/problem.js';
import { authorize, getRecord } from '../resources/engine.js';
import { mergeTickets } from './merge.js';
import { listMessages } from './messages.js';
import { postTicketMessage } from './post-message.js';
import { leavePresence, listPresence, setPresence } from './presence.js';
import { ticketResource } from './resource.js';
import { countViews } from './views.js';

const PageQuery = ListQuery.pick({ limit: true, cursor: true }).extend(TicketMessageQuery.shape);

/**
 * The ticket operations beside CRUD: the thread (`GET`/`POST /v1/tickets/{id}/messages`), the inbox view counts,
 * merging, and presence (who is viewing or replying).
 */
export function registerTicketRoutes(app: Hono<AppEnv>): void {
  app.get('/v1/tickets/views', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, ticketResource, 'read');
    return c.json(await countViews(ctx));
  });

  app.get('/v1/tickets/presence', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, ticketResource, 'read');
    return c.json(await listPresence(ctx));
  });

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

  app.post('/v1/tickets/:id/merge', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, ticketResource, 'update');
    const body = await readBody(c, TicketMerge);
    return c.json(await withWrite(ctx, (w) => mergeTickets(w, c.req.param('id'), body)));
  });

  app.get('/v1/tickets/:id/presence', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, ticketResource, 'read');
    const ticket = await getRecord(ctx, ticketResource, c.req.param('id'));
    return c.json(await listPresence(ctx, ticket.id));
  });

  app.post('/v1/tickets/:id/presence', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, ticketResource, 'update');
    const body = await readBody(c, TicketPresenceUpdate);
    const ticket = await getRecord(ctx, ticketResource, c.req.param('id'));
    return c.json(await setPresence(ctx, ticket.id, body.state, body.ttlSeconds));
  });

  app.delete('/v1/tickets/:id/presence', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, ticketResource, 'update');
    const ticket = await getRecord(ctx, ticketResource, c.req.param('id'));
    return c.json(await leavePresence(ctx, ticket.id));
  });
}
