import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { BrowserCommand } from 'vitest/node';

/** What a test receiver got: each POST, with whether its Standard Webhooks signature verified. */
interface Received {
  id: string;
  type: string;
  verified: boolean;
}

const receivers = new Map<number, { server?: Server; secret?: string; got: Received[] }>();

/**
 * A free local port for a webhook receiver that is not listening yet ("down"): deliveries to it are refused until
 * {@link receiverUp}.
 *
 * @example
 * const port = await commands.receiverPort();
 */
export const receiverPort: BrowserCommand<[]> = async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  receivers.set(port, { got: [] });
  return port;
};

/**
 * Starts the receiver on `port`: it answers the browser's CORS preflight, verifies each POST's signature with
 * `secret` (the `standardwebhooks` library, as the docs' receiver does) and answers 204.
 *
 * @example
 * await commands.receiverUp(port, secret);
 */
export const receiverUp: BrowserCommand<[port: number, secret: string]> = async (_context, port, secret) => {
  const receiver = receivers.get(port) ?? { got: [] };
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'POST');
      res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
      res.writeHead(204).end();
      return;
    }
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      let verified = false;
      try {
        new Webhook(secret).verify(body, req.headers as Record<string, string>);
        verified = true;
      } catch {}
      const event = JSON.parse(body || '{}') as { type?: string };
      receiver.got.push({ id: String(req.headers['webhook-id']), type: String(event.type), verified });
      res.writeHead(verified ? 204 : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  receivers.set(port, { ...receiver, server, secret });
};

/** What the receiver on `port` got so far. */
export const receiverGot: BrowserCommand<[port: number]> = async (_context, port) => receivers.get(port)?.got ?? [];

/** Stops the receiver on `port`. */
export const receiverDown: BrowserCommand<[port: number]> = async (_context, port) => {
  const server = receivers.get(port)?.server;
  receivers.delete(port);
  if (server) await new Promise((resolve) => server.close(resolve));
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    receiverPort: () => Promise<number>;
    receiverUp: (port: number, secret: string) => Promise<void>;
    receiverGot: (port: number) => Promise<Received[]>;
    receiverDown: (port: number) => Promise<void>;
  }
}
