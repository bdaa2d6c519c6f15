import { escapeHtml, MESSAGE_HTML, safeHref } from '@crmkit/core/tickets';
import { type DefaultTreeAdapterTypes, defaultTreeAdapter, html as HTML, parseFragment } from 'parse5';

/**
 * A strict HTML sanitiser for ticket messages. The input is parsed by parse5 — the HTML standard's parsing algorithm,
 * so the tree is the one a browser builds (misnested, broken and foreign markup included) — and the output is rebuilt
 * from scratch from that tree: only the elements of the allow-list (`MESSAGE_HTML` of `@crmkit/core/tickets`), only
 * `href` on links (http, https, mailto), every text and attribute escaped. Nothing of the input is copied through, so
 * it is safe whatever the input. Runs in Node and browsers.
 */

type Node = DefaultTreeAdapterTypes.ChildNode;
type Parent = DefaultTreeAdapterTypes.ParentNode;
type Element = DefaultTreeAdapterTypes.Element;

/** A message body as stored: safe HTML and its plain text. */
export interface SanitizedBody {
  html: string;
  text: string;
}

const ALLOWED: ReadonlySet<string> = new Set(MESSAGE_HTML.tags);
const DROPPED: ReadonlySet<string> = new Set(MESSAGE_HTML.droppedWithContent);
/** Elements that start a new line in the plain text. */
const BLOCK_TAGS: ReadonlySet<string> = new Set(
  'address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li ol p pre section table tr ul'.split(
    ' ',
  ),
);

/** Normalises extracted text: collapsed blank lines, trimmed line ends. */
function tidyText(s: string): string {
  return s
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Builds the output of a tree walk: safe HTML and the plain text. */
class Writer {
  readonly html: string[] = [];
  private readonly text: string[] = [];
  private pre = 0;

  newline(): void {
    if (this.text.length > 0 && !this.text.at(-1)!.endsWith('\n')) this.text.push('\n');
  }

  write(value: string): void {
    this.html.push(escapeHtml(value));
    if (this.pre > 0) {
      this.text.push(value);
      return;
    }
    const collapsed = value.replace(/[\t\n\f\r ]+/g, ' ');
    const last = this.text.at(-1);
    const atLineStart = last === undefined || last.endsWith('\n') || last.endsWith(' ');
    this.text.push(atLineStart ? collapsed.replace(/^ /, '') : collapsed);
  }

  element(el: Element, children: () => void): void {
    const name = el.tagName;
    const block = BLOCK_TAGS.has(name);
    if (block) this.newline();
    let open: string | null = null;
    if (ALLOWED.has(name)) {
      if (name === 'a') {
        const href = safeHref(el.attrs.find((a) => a.name === 'href')?.value);
        if (href !== null) open = `<a href="${escapeHtml(href)}" rel="${MESSAGE_HTML.linkRel}">`;
      } else open = `<${name}>`;
    }
    if (name === 'br') {
      if (open) this.html.push('<br>');
      return;
    }
    if (open) this.html.push(open);
    if (name === 'pre') this.pre++;
    children();
    if (name === 'pre') this.pre--;
    if (open) this.html.push(`</${name}>`);
    if (block) this.newline();
  }

  result(): SanitizedBody {
    return { html: this.html.join(''), text: tidyText(this.text.join('')) };
  }
}

function walk(parent: Parent, out: Writer): void {
  for (const node of parent.childNodes as Node[]) {
    if (defaultTreeAdapter.isTextNode(node)) {
      out.write(node.value);
      continue;
    }
    if (!defaultTreeAdapter.isElementNode(node)) continue; // comments and doctypes
    // SVG and MathML (and what they hold) are dropped: only HTML elements are ever kept.
    if (node.namespaceURI !== HTML.NS.HTML || DROPPED.has(node.tagName)) continue;
    out.element(node, () => walk(node, out));
  }
}

/**
 * Sanitises untrusted HTML with a strict allow-list (p, br, b, strong, i, em, u, a[href], ul, ol, li, blockquote,
 * code, pre). Other elements are removed but their text is kept; script, style, iframe, svg, math and the like are
 * removed with their content; links keep only an http(s)/mailto `href` and get `rel="noopener noreferrer"`.
 *
 * @example
 * sanitizeHtml('<p onclick="x()">Hi <script>alert(1)</script><a href="javascript:alert(1)">there</a></p>');
 * // { html: '<p>Hi there</p>', text: 'Hi there' }
 */
export function sanitizeHtml(input: string): SanitizedBody {
  const context = defaultTreeAdapter.createElement('body', HTML.NS.HTML, []);
  const fragment = parseFragment(context, input, { scriptingEnabled: true });
  const out = new Writer();
  walk(fragment, out);
  return out.result();
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
