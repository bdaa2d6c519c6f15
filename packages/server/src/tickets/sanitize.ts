import { escapeHtml, tokenize } from './html-tokens.js';

/**
 * A strict HTML sanitiser for ticket messages, with no DOM: a small HTML tokenizer (./html-tokens.ts) and an allow-list.
 * The output is rebuilt from scratch — only allowed tags, only `href` on links (http, https, mailto),
 * every text and attribute escaped — so it is safe whatever the input. Runs in Node and browsers.
 */

/** A message body as stored: safe HTML and its plain text. */
export interface SanitizedBody {
  html: string;
  text: string;
}

const ALLOWED_TAGS: ReadonlySet<string> = new Set([
  'p',
  'br',
  'b',
  'strong',
  'i',
  'em',
  'u',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
  'code',
  'pre',
]);
/** Elements dropped together with everything inside them. */
const DROPPED_WITH_CONTENT: ReadonlySet<string> = new Set([
  'head',
  'svg',
  'math',
  'template',
  'object',
  'applet',
  'select',
  'frameset',
  'audio',
  'video',
  'canvas',
  'datalist',
]);
/** Elements that never have content or an end tag. */
const VOID_TAGS: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Allowed elements that end an open `<p>` (as in browsers). */
const IMPLIES_P_END: ReadonlySet<string> = new Set(['p', 'ul', 'ol', 'blockquote', 'pre']);
/** Elements that start a new line in the plain text. */
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tr',
  'ul',
]);

/** The link target to keep, or null: only absolute http(s) URLs and mailto:. */
function safeHref(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  // Browsers drop tabs and newlines anywhere in a URL and trim control characters and spaces around it.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const url = raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(url)) return null;
  if (/^mailto:/i.test(url)) return url;
  if (/^https?:\/\//i.test(url) && URL.canParse(url)) return url;
  return null;
}

/** Normalises extracted text: collapsed blank lines, trimmed line ends. */
function tidyText(s: string): string {
  return s
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Sanitises untrusted HTML with a strict allow-list (p, br, b, strong, i, em, u, a[href], ul, ol, li,
 * blockquote, code, pre). Other tags are removed but their text is kept; script, style, iframe, svg and the
 * like are removed with their content; links keep only an http(s)/mailto `href` and get `rel="noopener noreferrer"`.
 *
 * @example
 * sanitizeHtml('<p onclick="x()">Hi <script>alert(1)</script><a href="javascript:alert(1)">there</a></p>');
 * // { html: '<p>Hi there</p>', text: 'Hi there' }
 */
export function sanitizeHtml(input: string): SanitizedBody {
  const html: string[] = [];
  const text: string[] = [];
  const open: string[] = [];
  let skip: { name: string; depth: number } | null = null;
  let preDepth = 0;
  const newline = () => {
    if (text.length > 0 && !text.at(-1)!.endsWith('\n')) text.push('\n');
  };
  const close = (depth: number) => {
    while (open.length > depth) {
      const closed = open.pop()!;
      if (closed === 'pre') preDepth--;
      html.push(`</${closed}>`);
    }
  };
  /** Like browsers: a new list item ends the open one, and a block ends an open paragraph. */
  const impliedEnd = (name: string) => {
    const scope = name === 'li' ? ['ul', 'ol'] : ['blockquote', 'li', 'pre'];
    const target = name === 'li' ? 'li' : IMPLIES_P_END.has(name) ? 'p' : null;
    if (!target) return;
    for (let i = open.length - 1; i >= 0 && !scope.includes(open[i]!); i--) {
      if (open[i] === target) return close(i);
    }
  };

  for (const token of tokenize(input)) {
    if (skip) {
      if (token.type !== 'text' && token.name === skip.name) {
        if (token.type === 'end') skip.depth--;
        else if (!token.selfClosing) skip.depth++;
        if (skip.depth === 0) skip = null;
      }
      continue;
    }
    if (token.type === 'text') {
      html.push(escapeHtml(token.value));
      if (preDepth > 0) text.push(token.value);
      else {
        const collapsed = token.value.replace(/[\t\n\f\r ]+/g, ' ');
        const atLineStart = text.length === 0 || text.at(-1)!.endsWith('\n') || text.at(-1)!.endsWith(' ');
        text.push(atLineStart ? collapsed.replace(/^ /, '') : collapsed);
      }
      continue;
    }
    const { name } = token;
    if (token.type === 'start') {
      if (DROPPED_WITH_CONTENT.has(name)) {
        if (!token.selfClosing) skip = { name, depth: 1 };
        continue;
      }
      if (BLOCK_TAGS.has(name)) newline();
      if (!ALLOWED_TAGS.has(name)) continue;
      if (name === 'br') {
        html.push('<br>');
        continue;
      }
      impliedEnd(name);
      if (name === 'a') {
        const href = safeHref(token.attrs.find(([k]) => k === 'href')?.[1]);
        if (href === null) continue;
        html.push(`<a href="${escapeHtml(href)}" rel="noopener noreferrer">`);
      } else {
        html.push(`<${name}>`);
      }
      if (name === 'pre') preDepth++;
      open.push(name);
      continue;
    }
    if (BLOCK_TAGS.has(name)) newline();
    if (!ALLOWED_TAGS.has(name) || VOID_TAGS.has(name)) continue;
    const at = open.lastIndexOf(name);
    if (at !== -1) close(at);
  }
  close(0);
  return { html: html.join(''), text: tidyText(text.join('')) };
}

/** Plain text as safe HTML: escaped, paragraphs on blank lines, `<br>` for single line breaks. */
export function textToHtml(input: string): SanitizedBody {
  const text = input.replace(/\r\n?/g, '\n');
  const html = text
    .split(/\n[\t ]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${escapeHtml(p).replaceAll('\n', '<br>')}</p>`)
    .join('');
  return { html, text: text.trim() };
}

/** Whether a body written without a declared format looks like HTML (has a tag). */
export function looksLikeHtml(input: string): boolean {
  return /<\/?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?\/?>/.test(input);
}
