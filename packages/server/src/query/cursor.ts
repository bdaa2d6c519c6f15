import { badRequest } from '../http/problem.js';

/** Position after the last row of a page: its sort value and id, bound to the sort it was made for. */
export interface Cursor {
  sort: string;
  value: unknown;
  id: string;
}

const encode = (s: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(s)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

export function encodeCursor(c: Cursor): string {
  return encode(JSON.stringify([c.sort, c.value, c.id]));
}

/** Decodes a cursor made for `sort`, or throws a 400 problem. */
export function decodeCursor(raw: string, sort: string): Cursor {
  let parsed: unknown;
  try {
    const bin = atob(raw.replaceAll('-', '+').replaceAll('_', '/'));
    parsed = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (ch) => ch.charCodeAt(0))),
    );
  } catch {
    throw badRequest('The cursor is malformed; pass `nextCursor` from the previous page unchanged.', [
      { path: 'cursor', message: 'malformed cursor' },
    ]);
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[2] !== 'string' ||
    (!['string', 'number', 'boolean'].includes(typeof parsed[1]) && parsed[1] !== null)
  ) {
    throw badRequest('The cursor is malformed.', [{ path: 'cursor', message: 'malformed cursor' }]);
  }
  if (parsed[0] !== sort) {
    throw badRequest(`The cursor was made for sort "${parsed[0]}", not "${sort}".`, [
      { path: 'cursor', message: 'cursor does not match sort' },
    ]);
  }
  return { sort, value: parsed[1], id: parsed[2] };
}
