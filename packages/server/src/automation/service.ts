import { campaignResponses } from '../campaigns/responses.js';
import {
  type CampaignSendingOptions,
  campaignHandlers,
  campaignMessageSettled,
} from '../campaigns/sending/handlers.js';
import type { ChannelAdapter } from '../channels/channel.js';
import type { ServerContext } from '../core/context.js';
import { announceDueReminders } from '../notifications/reminders.js';
import { outboxSender } from '../outbox/sender.js';
import { drainQueues, type QueueHandler } from '../queue/worker.js';
import { queueEventDeliveries } from '../webhooks/deliveries.js';
import { webhookSender } from '../webhooks/sender.js';
import { dailyHandler, scheduleHandler } from './daily.js';
import { lifecycleOnWonDeals } from './lifecycle.js';
import { enrolOnEvents } from './observer.js';
import { runHandler } from './runner.js';
import { queueDailyPass } from './schedule.js';

/** Options of the automation engine (`createCrmServer({ automation })`). */
export interface AutomationOptions {
  /** How messages reach customers: an e-mail and/or an SMS adapter. Without one, messages of that channel fail. */
  channels?: readonly ChannelAdapter[];
  /** The `fetch` webhooks are delivered with (default: the global one). */
  fetch?: typeof fetch;
  /** Campaign sending: the public URL its tracking and unsubscribe links point under. */
  campaigns?: CampaignSendingOptions;
}

/** What one {@link Automation.tick} did. */
export interface TickResult {
  reminders: number;
  jobs: number;
}

/** The automation engine of a server: observers on every write, and the work its queues hold. */
export interface Automation {
  handlers: QueueHandler[];
  /**
   * Does what is due at the server clock's now: announces due reminders, makes sure every workspace has its daily
   * pass queued, and runs every due job (runs, messages, webhook deliveries, schedules, daily passes). Call it every
   * few seconds (`startCrmServer` does); tests call it after moving the clock. Safe in several processes at once.
   */
  tick(): Promise<TickResult>;
}

/** Builds the engine and adds its write observers to `server`. */
export function createAutomation(server: ServerContext, options: AutomationOptions = {}): Automation {
  server.observers = [
    ...(server.observers ?? []),
    enrolOnEvents,
    lifecycleOnWonDeals,
    queueEventDeliveries,
    campaignResponses,
  ];
  const handlers = [
    runHandler(server),
    outboxSender(server, options.channels ?? [], [campaignMessageSettled]),
    webhookSender(server, options.fetch),
    scheduleHandler(server),
    dailyHandler(server),
    ...campaignHandlers(server, options.campaigns),
  ];
  return {
    handlers,
    async tick() {
      const now = server.clock.now();
      const reminders = await announceDueReminders(server);
      const { rows } = await server.db.query<{ id: string }>(
        `SELECT w.id FROM workspaces w WHERE NOT EXISTS (SELECT 1 FROM jobs j WHERE j.queue = 'automation.daily' AND j.key = w.id)`,
      );
      for (const ws of rows) await queueDailyPass(server.db, ws.id, now);
      const jobs = await drainQueues(server, handlers);
      return { reminders, jobs };
    },
  };
}
