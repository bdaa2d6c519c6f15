import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A local SMTP sink: refuses the first `failFirst` messages with a transient 451, keeps the rest. */
export async function smtpSink(failFirst = 0) {
  const mails: Awaited<ReturnType<typeof simpleParser>>[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        attempts++;
        if (attempts <= failFirst) {
          done(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          return;
        }
        mails.push(await simpleParser(Buffer.concat(chunks)));
        done();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, attempts: () => attempts, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A local HTTP sink for the SMS provider: answers each request with the next status of `statuses` (then 200). */
export async function httpSink(statuses: number[]) {
  const got: { headers: IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      got.push({ headers: req.headers, body: JSON.parse(body) });
      const status = statuses.shift() ?? 200;
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: `sms-${got.length}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  return { url, got, close: () => new Promise<void>((r) => server.close(() => r())) };
}
