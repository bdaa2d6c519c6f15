import { MESSAGE_HTML, safeHref } from '@crmkit/core/tickets';
import DOMPurify from 'dompurify';

/**
 * The browser side of message HTML: DOMPurify (a maintained sanitiser, parsing as the browser does) with the allow-list
 * the server rebuilds messages from (`MESSAGE_HTML` of `@crmkit/core/tickets`). Every message is rendered through it,
 * and the composer's HTML is cleaned with it before it is sent. Links keep only an http(s)/mailto target and open in a
 * new tab without an opener.
 */
let purifier: ReturnType<typeof DOMPurify> | null = null;

function instance(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    const href = safeHref(node.getAttribute('href'));
    if (href === null) {
      node.removeAttribute('href');
      return;
    }
    node.setAttribute('href', href);
    node.setAttribute('rel', MESSAGE_HTML.linkRel);
    node.setAttribute('target', '_blank');
  });
  return purifier;
}

/**
 * Message HTML reduced to the allow-list: safe to render with `dangerouslySetInnerHTML`. Browser only (it needs a DOM);
 * on the server a message is shown as its plain text.
 *
 * @example
 * <div dangerouslySetInnerHTML={{ __html: cleanHtml(message.bodyHtml) }} />
 */
export function cleanHtml(html: string): string {
  return instance().sanitize(html, {
    ALLOWED_TAGS: [...MESSAGE_HTML.tags],
    ALLOWED_ATTR: [...MESSAGE_HTML.attributes],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
    FORBID_CONTENTS: [...MESSAGE_HTML.droppedWithContent],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    KEEP_CONTENT: true,
  });
}
