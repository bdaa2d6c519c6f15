import { escapeHtml, safeHref } from '@crmkit/core/tickets';
import { sanitizeHtml } from '../tickets/sanitize.js';

/** What the HTML of a campaign e-mail links to besides its content: tracking and the way out. */
export interface EmailExtras {
  /** Maps each http(s) link of the text to the URL the e-mail links to (a signed redirect); identity in previews. */
  link(url: string): string;
  /** The one-click unsubscribe page. */
  unsubscribeUrl: string | null;
  /** The open-tracking pixel. */
  pixelUrl: string | null;
  /** The footer's words ("Unsubscribe"). */
  unsubscribeLabel: string;
}

/** http(s) URLs in text; a trailing `.`, `,`, `)`, `!`, `?`, `:` or `;` is punctuation, not part of the URL. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/g;
const TRAILING = /[.,)!?:;]+$/;

/** The http(s) links of a text, as {@link emailHtml} links them (to sign each before building the HTML). */
export function urlsIn(text: string): string[] {
  return [...new Set([...text.matchAll(URL_IN_TEXT)].map((m) => safeHref(m[0].replace(TRAILING, ''))))].filter(
    (u): u is string => u !== null,
  );
}

/** A paragraph of text as HTML: every character escaped, URLs as links, line breaks as `<br>`. */
function paragraph(text: string, link: (url: string) => string): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const url = m[0].replace(TRAILING, '');
    const start = m.index;
    out += escapeHtml(text.slice(at, start));
    const href = safeHref(url);
    out += href ? `<a href="${escapeHtml(link(href))}">${escapeHtml(url)}</a>` : escapeHtml(url);
    at = start + url.length;
  }
  out += escapeHtml(text.slice(at));
  return `<p>${out.replaceAll('\n', '<br>')}</p>`;
}

/**
 * The HTML part of a campaign e-mail from its rendered plain text: paragraphs at blank lines, links tracked, and
 * every character of the text — the template's and each value's — escaped. The content is then rebuilt through the
 * server's parse5 allow-list sanitiser (`sanitizeHtml`), so no markup, attribute or script can reach a mail client
 * whatever a template or a contact's field holds. The footer adds the unsubscribe link and the tracking pixel.
 *
 * @example
 * emailHtml('Chào Lan\n\nhttps://club.vn/offer', { link: (u) => u, unsubscribeUrl: null, pixelUrl: null, unsubscribeLabel: 'Unsubscribe' });
 * // '<!doctype html><html><body><p>Chào Lan</p><p><a href="https://club.vn/offer" …>…</a></p></body></html>'
 */
export function emailHtml(text: string, extras: EmailExtras): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[\t ]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '')
    .map((p) => paragraph(p, extras.link))
    .join('');
  const content = sanitizeHtml(paragraphs).html;
  const footer = extras.unsubscribeUrl
    ? `<p style="font-size:12px;color:#666"><a href="${escapeHtml(extras.unsubscribeUrl)}">${escapeHtml(extras.unsubscribeLabel)}</a></p>`
    : '';
  const pixel = extras.pixelUrl
    ? `<img src="${escapeHtml(extras.pixelUrl)}" width="1" height="1" alt="" style="display:block;border:0">`
    : '';
  return `<!doctype html><html><body>${content}${footer}${pixel}</body></html>`;
}
