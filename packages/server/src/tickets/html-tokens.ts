/**
 * A small HTML tokenizer, as a browser splits HTML (text, start tags with attributes, end tags; comments and
 * doctypes dropped; raw-text elements such as `<script>` kept whole), with character references decoded and an
 * escaper for text and attributes. The sanitiser (./sanitize.ts) builds its output from these tokens.
 */

/** A piece of HTML: text (references decoded), a start tag or an end tag. */
export type Token =
  | { type: 'text'; value: string }
  | { type: 'start'; name: string; attrs: [string, string][]; selfClosing: boolean }
  | { type: 'end'; name: string };

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
function decodeEntities(s: string): string {
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
export function tokenize(html: string): Token[] {
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
