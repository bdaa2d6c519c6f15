import type { Database } from '../db/types.js';
import { randomSecret } from './ids.js';

/** The PostgreSQL channel every crmkit server process listens on. */
export const BUS_CHANNEL = 'crmkit';

type Handler = (message: string) => void;

/**
 * Messages between the server processes that share one PostgreSQL database, and within this process: a message
 * published on a topic reaches that topic's subscribers in every process. Across processes it travels by PostgreSQL
 * `LISTEN/NOTIFY` (payloads up to ~7,900 bytes); on PGlite there is only this process. The change feed wakes the
 * other processes' feeds through it (topic `events`); other live, unstored state (presence, say) may use it too.
 *
 * While the `LISTEN` connection is down, {@link Bus.live} is false and messages of other processes are lost: readers
 * that must not miss anything keep polling until it is back (see `onLive`, which tells them to re-read once).
 *
 * @example
 * const off = bus.subscribe('presence', (m) => update(JSON.parse(m)));
 * await bus.publish('presence', JSON.stringify({ ticketId, userId, state: 'viewing' }));
 */
export class Bus {
  /** This process's id: its own messages come back through `LISTEN` and are not delivered twice. */
  private readonly origin = randomSecret(9);
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly liveHandlers = new Set<(live: boolean) => void>();
  private listening: boolean;
  /** Whether other processes may write to the database (PostgreSQL) and messages must travel through it. */
  readonly crossProcess: boolean;

  constructor(private readonly db: Database) {
    this.crossProcess = db.kind === 'postgres';
    this.listening = !this.crossProcess;
  }

  /** Starts listening for other processes' messages. */
  start(): Promise<void> {
    if (!this.crossProcess) return Promise.resolve();
    return this.db.listen(
      BUS_CHANNEL,
      (payload) => this.receive(payload),
      (listening) => {
        this.listening = listening;
        for (const h of this.liveHandlers) h(listening);
      },
    );
  }

  /** Whether other processes' messages arrive now (always true on PGlite, where there are none). */
  get live(): boolean {
    return this.listening;
  }

  /** Calls `handler` whenever {@link Bus.live} changes; `true` after a reconnect: messages sent meanwhile were lost. */
  onLive(handler: (live: boolean) => void): () => void {
    this.liveHandlers.add(handler);
    return () => this.liveHandlers.delete(handler);
  }

  /** Calls `handler` with every message on `topic`, from any process. */
  subscribe(topic: string, handler: Handler): () => void {
    let set = this.handlers.get(topic);
    if (!set) {
      set = new Set();
      this.handlers.set(topic, set);
    }
    set.add(handler);
    return () => set.delete(handler);
  }

  /** Sends `message` on `topic` to this process's subscribers now and to the other processes' at once. */
  async publish(topic: string, message: string): Promise<void> {
    this.deliver(topic, message);
    if (this.crossProcess) await this.db.query('SELECT pg_notify($1, $2)', [BUS_CHANNEL, this.payload(topic, message)]);
  }

  /**
   * The `pg_notify` arguments (channel, payload) that send `message` on `topic` to the other processes when the
   * transaction they run in commits, or null on PGlite; deliver it to this process yourself after the commit
   * ({@link Bus.deliver}).
   */
  notifyArgs(topic: string, message: string): [string, string] | null {
    return this.crossProcess ? [BUS_CHANNEL, this.payload(topic, message)] : null;
  }

  /** Hands `message` to this process's subscribers of `topic`. */
  deliver(topic: string, message: string): void {
    for (const h of this.handlers.get(topic) ?? []) h(message);
  }

  private payload(topic: string, message: string): string {
    return JSON.stringify([this.origin, topic, message]);
  }

  private receive(payload: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return; // someone else's NOTIFY on our channel
    }
    if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] === this.origin) return;
    const [, topic, message] = parsed;
    if (typeof topic === 'string' && typeof message === 'string') this.deliver(topic, message);
  }
}
