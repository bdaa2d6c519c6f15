/**
 * A strict HTML sanitiser for ticket messages, with no DOM: a small HTML tokenizer and an allow-list.
 * The output is rebuilt from scratch — only allowed tags, only `href` on links (http, https, mailto),
 * every text and attribute escaped — so it is safe whatever the input. Runs in Node and browsers.
 */

/** A message body as stored: safe HTML and its plain text. */
export interface SanitizedBody {
  html: string;
  text: string;
}

type Token =
  | { type: 'text'; value: string }
  | { type: 'start'; name: string; attrs: [string, string][]; selfClosing: boolean }
  | { type: 'end'; name: string };

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
/** Elements whose content is raw text up to their end tag (dropped with it). */
const RAW_TEXT_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'textarea',
  'title',
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

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  deg: '°',
  times: '×',
  divide: '÷',
  Tab: '\t',
  NewLine: '\n',
  colon: ':',
  sol: '/',
  lpar: '(',
  rpar: ')',
  semi: ';',
  comma: ',',
  period: '.',
  excl: '!',
  quest: '?',
  num: '#',
  equals: '=',
  plus: '+',
  percnt: '%',
  dollar: '$',
  lowbar: '_',
  grave: '`',
  Hat: '^',
};

/** Decodes character references (`&amp;`, `&#60;`, `&#x3C;`); unknown names stay as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[a-zA-Z][a-zA-Z0-9]{0,31});?/g, (match, ref: string) => {
    if (ref.startsWith('#')) {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : '\ufffd';
    }
    return Object.hasOwn(NAMED_ENTITIES, ref) ? NAMED_ENTITIES[ref]! : match;
  });
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const WS = /[\t\n\f\r ]/;
const TAG_NAME = /[a-zA-Z][^\t\n\f\r />]*/y;

/** Splits HTML into text, start-tag and end-tag tokens, like a browser would (comments and doctypes dropped). */
function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  const n = html.length;
  let text = '';
  const flush = () => {
    if (text) tokens.push({ type: 'text', value: decodeEntities(text) });
    text = '';
  };
  const skipTo = (needle: string, from: number) => {
    const at = html.indexOf(needle, from);
    return at === -1 ? n : at + needle.length;
  };
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      text += html.slice(i);
      break;
    }
    text += html.slice(i, lt);
    i = lt;
    const next = html[i + 1] ?? '';
    if (html.startsWith('<!--', i)) {
      i = skipTo('-->', i + 4);
    } else if (next === '!' || next === '?') {
      i = skipTo('>', i + 2);
    } else if (next === '/') {
      TAG_NAME.lastIndex = i + 2;
      const m = TAG_NAME.exec(html);
      i = skipTo('>', i + 2);
      if (m) {
        flush();
        tokens.push({ type: 'end', name: m[0].toLowerCase() });
      }
    } else if (/[a-zA-Z]/.test(next)) {
      TAG_NAME.lastIndex = i + 1;
      const name = TAG_NAME.exec(html)![0].toLowerCase();
      const parsed = parseAttributes(html, i + 1 + name.length);
      if (!parsed) break; // a tag cut off by the end of input is dropped
      flush();
      tokens.push({ type: 'start', name, attrs: parsed.attrs, selfClosing: parsed.selfClosing });
      i = parsed.end;
      if (RAW_TEXT_TAGS.has(name)) {
        // Everything up to the matching end tag is text of this element: skip it.
        const close = new RegExp(`</${name}(?=[\\t\\n\\f\\r />])`, 'gi');
        close.lastIndex = i;
        const m = close.exec(html);
        i = m ? m.index : n;
      }
    } else {
      text += '<';
      i++;
    }
  }
  flush();
  return tokens;
}

/** Parses the attributes of a start tag from `i`; null when the input ends inside the tag. */
function parseAttributes(
  html: string,
  start: number,
): { attrs: [string, string][]; selfClosing: boolean; end: number } | null {
  const attrs: [string, string][] = [];
  const n = html.length;
  let i = start;
  let selfClosing = false;
  while (i < n) {
    const c = html[i]!;
    if (WS.test(c)) {
      i++;
      continue;
    }
    if (c === '>') return { attrs, selfClosing, end: i + 1 };
    if (c === '/') {
      selfClosing = html[i + 1] === '>';
      i++;
      continue;
    }
    let nameEnd = i + 1;
    while (nameEnd < n && !/[\t\n\f\r />=]/.test(html[nameEnd]!)) nameEnd++;
    const name = html.slice(i, nameEnd).toLowerCase();
    i = nameEnd;
    while (i < n && WS.test(html[i]!)) i++;
    let value = '';
    if (html[i] === '=') {
      i++;
      while (i < n && WS.test(html[i]!)) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        if (close === -1) return null;
        value = html.slice(i + 1, close);
        i = close + 1;
      } else {
        const from = i;
        while (i < n && !/[\t\n\f\r >]/.test(html[i]!)) i++;
        value = html.slice(from, i);
      }
    }
    selfClosing = false;
    if (!attrs.some(([k]) => k === name)) attrs.push([name, decodeEntities(value)]);
  }
  return null;
}

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
