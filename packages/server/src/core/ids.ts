const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

function randomChars(n: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(n));
  let s = '';
  for (const b of bytes) s += ALPHABET[b & 31];
  return s;
}

let lastMs = 0;
let counter = 0;

/**
 * A new id `<prefix>_<10 chars time><4 chars counter><10 chars random>`: unique, URL-safe and
 * roughly ordered by creation time.
 */
export function newId(prefix: string, now = Date.now()): string {
  if (now === lastMs) counter++;
  else {
    lastMs = now;
    counter = 0;
  }
  let t = '';
  let ms = now;
  for (let i = 0; i < 10; i++) {
    t = ALPHABET[ms % 32] + t;
    ms = Math.floor(ms / 32);
  }
  let c = '';
  let k = counter;
  for (let i = 0; i < 4; i++) {
    c = ALPHABET[k % 32] + c;
    k = Math.floor(k / 32);
  }
  return `${prefix}_${t}${c}${randomChars(10)}`;
}

/** A random secret of `bytes` bytes, base64url. */
export function randomSecret(bytes = 32): string {
  const b = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...b))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

type NodeCrypto = { createHash(algorithm: 'sha256'): { update(data: string): { digest(encoding: 'hex'): string } } };

/**
 * Node's `crypto` where the server runs on Node (without an import, so that browsers load this module too): its
 * synchronous SHA-256 costs ~1 µs where WebCrypto's asynchronous digest costs ~13 µs, and it hashes every request's
 * token (it was 14 % of the server's CPU under the list benchmark).
 */
const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;

/** SHA-256 of a string, hex. */
export async function sha256Hex(input: string): Promise<string> {
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(input).digest('hex');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(input));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
