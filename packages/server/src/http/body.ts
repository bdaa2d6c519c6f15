import type { Context } from 'hono';
import type { z } from 'zod';
import { badRequest, ProblemError, parseOrThrow } from './problem.js';

/** Largest JSON body accepted, in bytes. */
export const MAX_BODY_BYTES = 1_000_000;

/** Reads the JSON body: 415 unless JSON, 413 when too large, 400 when malformed. */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new ProblemError(415, 'unsupported-media-type', 'Unsupported media type', {
      detail: 'Send the body as application/json.',
    });
  }
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const buf = await c.req.arrayBuffer();
  if (buf.byteLength > MAX_BODY_BYTES) throw tooLarge();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw badRequest('The body is not valid UTF-8.');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badRequest(`The body is not valid JSON: ${(error as Error).message}.`);
  }
}

const tooLarge = () =>
  new ProblemError(413, 'payload-too-large', 'Payload too large', {
    detail: `The body exceeds ${MAX_BODY_BYTES} bytes.`,
  });

/** Reads and validates the JSON body against `schema`. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  return parseOrThrow(schema, await readJson(c));
}
