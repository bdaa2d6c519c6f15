import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './env.js';
import { badRequest, ProblemError, parseOrThrow } from './problem.js';

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 1_000_000;

const tooLarge = () =>
  new ProblemError(413, 'payload-too-large', 'Payload too large', {
    detail: `The body exceeds ${MAX_BODY_BYTES} bytes.`,
  });

/**
 * The raw request body, read at most once per request and never past {@link MAX_BODY_BYTES}: a body that
 * declares or streams more is a 413 problem before it is buffered whole.
 */
export async function readBodyBytes(c: Context<AppEnv>): Promise<Uint8Array> {
  const cached = c.get('bodyBytes');
  if (cached) return cached;
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const stream = c.req.raw.body;
  let bytes = new Uint8Array(0);
  if (stream) {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
    bytes = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
  }
  c.set('bodyBytes', bytes);
  // Later `c.req.json()` / `c.req.text()` calls read the same bytes (Hono caches body promises here).
  (c.req.bodyCache as Record<string, unknown>).arrayBuffer = Promise.resolve(bytes.buffer);
  return bytes;
}

/**
 * The path of the first string (key or value) holding a NUL character, which PostgreSQL cannot store,
 * or null when there is none.
 */
export function findNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(body)' : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findNul(v, path ? `${path}.${i}` : String(i));
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      if (k.includes('\u0000')) return p;
      const found = findNul(v, p);
      if (found !== null) return found;
    }
  }
  return null;
}

/** Reads the JSON body: 415 unless JSON, 413 when too large, 400 when malformed or holding NUL characters. */
export async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new ProblemError(415, 'unsupported-media-type', 'Unsupported media type', {
      detail: 'Send the body as application/json.',
    });
  }
  const bytes = await readBodyBytes(c);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badRequest('The body is not valid UTF-8.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badRequest(`The body is not valid JSON: ${(error as Error).message}.`);
  }
  const nul = findNul(value);
  if (nul !== null) {
    throw badRequest('Text may not contain NUL characters.', [{ path: nul, message: 'contains a NUL character' }]);
  }
  return value;
}

/** Reads and validates the JSON body against `schema`. */
export async function readBody<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.infer<S>> {
  return parseOrThrow(schema, await readJson(c));
}
