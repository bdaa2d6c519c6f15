/**
 * What a ticket message's HTML may hold — the one allow-list the reference server's sanitiser rebuilds messages from
 * and the widgets' sanitiser (DOMPurify) renders and sends with: a few inline and block elements, links with an
 * http(s) or mailto target and nothing else — no attributes but `href` (and the `rel` the sanitiser adds), no styles,
 * no images, no forms.
 *
 * @example
 * DOMPurify.sanitize(html, { ALLOWED_TAGS: [...MESSAGE_HTML.tags], ALLOWED_ATTR: [...MESSAGE_HTML.attributes] });
 */
export const MESSAGE_HTML = {
  /** Elements kept (others are removed, their text kept — unless in {@link MESSAGE_HTML.droppedWithContent}). */
  tags: ['p', 'br', 'b', 'strong', 'i', 'em', 'u', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre'],
  /** Attributes kept: only a link's `href` (checked by {@link safeHref}) and the `rel` added to every link. */
  attributes: ['href', 'rel'],
  /** The `rel` every kept link gets. */
  linkRel: 'noopener noreferrer',
  /** Elements removed together with everything inside them. */
  droppedWithContent: [
    'script',
    'style',
    'template',
    'iframe',
    'noscript',
    'noembed',
    'noframes',
    'xmp',
    'textarea',
    'title',
    'head',
    'svg',
    'math',
    'object',
    'applet',
    'select',
    'frameset',
    'audio',
    'video',
    'canvas',
    'datalist',
  ],
} as const;

/**
 * The link target to keep, or null: only absolute http(s) URLs and `mailto:`, as browsers would read them (tabs and
 * newlines anywhere dropped, control characters and spaces around trimmed; any other control character refuses it).
 *
 * @example
 * safeHref('  https://crmkit.dev/help '); // 'https://crmkit.dev/help'
 * safeHref('java\tscript:alert(1)');      // null
 */
export function safeHref(raw: string | null | undefined): string | null {
  if (raw === undefined || raw === null) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const url = raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(url)) return null;
  if (/^mailto:[^\s]/i.test(url)) return url;
  if (/^https?:\/\/[^\s]/i.test(url) && URL.canParse(url)) return url;
  return null;
}

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
