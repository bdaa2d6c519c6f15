// The demo's mail sink: a local SMTP server (smtp-server) that keeps every e-mail the CRM sends in memory instead of
// delivering it, and a small HTTP API the club's "Outbox (demo sink)" page reads. It also plays the recipients' mail
// client: `POST /messages/:id/open-and-click` loads the message's images (the tracking pixel) and follows its first
// link that is not the unsubscribe link, as a person reading it would. Nothing leaves the machine: the click's
// redirect is followed to its `Location`, which is not fetched. Messages are lost when the demo stops.
//
//   import { startMailSink } from './mail-sink.mjs';
//   const sink = await startMailSink();
//   startCrmServer({ automation: { channels: [smtpEmailChannel({ ...sink.smtp, from: '…' })] } });
//   fetch(`${sink.url}/messages`); // { messages: [{ id, to, subject, text, links, … }] }
import { createServer } from 'node:http';
import { Parser } from 'htmlparser2';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** Most messages kept (the oldest go first). */
const MAX_MESSAGES = 1000;
/** Largest message accepted, in bytes. */
const MAX_SIZE = 5 * 1024 * 1024;

/**
 * @typedef {{ url: string, status: number | null, location?: string | null, error?: string }} Fetched
 * @typedef {{
 *   id: string, receivedAt: string, messageId: string | null, from: string, to: string[], subject: string,
 *   text: string, hasHtml: boolean, listUnsubscribe: string | null, images: string[],
 *   links: { href: string, text: string }[],
 *   opens: Fetched[], clicks: Fetched[],
 * }} SinkMessage
 */

/**
 * The images and links of an HTML body, as a mail client sees them (htmlparser2: a maintained, forgiving parser).
 * @param {string} html
 */
function parts(html) {
  /** @type {string[]} */
  const images = [];
  /** @type {{ href: string, text: string }[]} */
  const links = [];
  /** @type {{ href: string, text: string } | null} */
  let open = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'img' && attributes.src) images.push(attributes.src);
        if (name === 'a' && attributes.href) open = { href: attributes.href, text: '' };
      },
      ontext(text) {
        if (open) open.text += text;
      },
      onclosetag(name) {
        if (name === 'a' && open) {
          links.push({ href: open.href, text: open.text.trim() });
          open = null;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { images, links };
}

/**
 * The HTTP URL of a message's `List-Unsubscribe` header (`<https://…>`), or null.
 * @param {{ key: string, line: string }[]} headerLines
 */
const unsubscribeUrl = (headerLines) => {
  const line = headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
  return line.match(/<(https?:[^>]+)>/i)?.[1] ?? null;
};

/**
 * A GET as a mail client sends it: no cookies, no redirect followed (a click's target is only noted).
 * @param {string} url
 * @returns {Promise<Fetched>}
 */
async function follow(url) {
  try {
    const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer();
    return { url, status: res.status, location: res.headers.get('location') };
  } catch (error) {
    return { url, status: null, error: String(/** @type {Error} */ (error).message ?? error) };
  }
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body */
const json = (res, status, body) =>
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));

/**
 * Starts the sink on free ports of `hostname`.
 * @param {{ hostname?: string }} [options]
 */
export async function startMailSink({ hostname = '127.0.0.1' } = {}) {
  /** @type {SinkMessage[]} */
  const messages = [];
  let counter = 0;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: MAX_SIZE,
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then(
        (mail) => {
          const html = typeof mail.html === 'string' ? mail.html : '';
          const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) =>
            a.value.map((v) => v.address ?? ''),
          );
          messages.push({
            id: String(++counter),
            receivedAt: new Date().toISOString(),
            messageId: mail.messageId ?? null,
            from: mail.from?.text ?? '',
            to,
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            hasHtml: html !== '',
            listUnsubscribe: unsubscribeUrl(mail.headerLines),
            ...parts(html),
            opens: [],
            clicks: [],
          });
          if (messages.length > MAX_MESSAGES) messages.shift();
          done();
        },
        (error) => done(error),
      );
    },
  });
  await new Promise((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(0, hostname, () => resolve(undefined));
  });
  const smtpPort = /** @type {import('node:net').AddressInfo} */ (smtp.server.address()).port;

  /** Loads the message's images and follows its first link that is not the unsubscribe link. */
  async function openAndClick(/** @type {SinkMessage} */ message) {
    for (const image of message.images) message.opens.push(await follow(image));
    const link = message.links.find((l) => l.href !== message.listUnsubscribe && /^https?:/i.test(l.href));
    if (link) message.clicks.push(await follow(link.href));
    return message;
  }

  const http = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://sink').pathname;
    if (req.method === 'GET' && path === '/messages') return json(res, 200, { messages: [...messages].reverse() });
    const action = path.match(/^\/messages\/(\d+)\/open-and-click$/);
    if (req.method === 'POST' && action) {
      const message = messages.find((m) => m.id === action[1]);
      if (!message) return json(res, 404, { error: 'no such message' });
      openAndClick(message).then(
        (m) => json(res, 200, m),
        (error) => json(res, 500, { error: String(error) }),
      );
      return;
    }
    json(res, 404, { error: 'not found' });
  });
  await new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, hostname, () => resolve(undefined));
  });
  const httpPort = /** @type {import('node:net').AddressInfo} */ (http.address()).port;
  const host = hostname.includes(':') ? `[${hostname}]` : hostname;

  return {
    /** Where the CRM's SMTP channel sends (no TLS, no authentication). */
    smtp: { host: hostname, port: smtpPort },
    /** The HTTP API: `GET /messages`, `POST /messages/:id/open-and-click`. */
    url: `http://${host}:${httpPort}`,
    /** The messages received, oldest first. */
    messages,
    close: () =>
      Promise.all([
        new Promise((resolve) => smtp.close(() => resolve(undefined))),
        new Promise((resolve) => http.close(() => resolve(undefined))),
      ]),
  };
}
