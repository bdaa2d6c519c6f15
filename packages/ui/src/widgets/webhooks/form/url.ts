/** The longest URL the contract takes. */
const MAX = 2000;

/**
 * Whether `text` is a URL a webhook can be delivered to: absolute, `http:` or `https:`, with a host, at most 2000
 * characters. (The server checks it too; this says so on the field before sending.)
 *
 * @example
 * isEndpointUrl('https://example.com/hooks'); // true
 * isEndpointUrl('example.com/hooks'); // false
 * isEndpointUrl('ftp://example.com'); // false
 */
export function isEndpointUrl(text: string): boolean {
  if (!text || text.length > MAX || /\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}
