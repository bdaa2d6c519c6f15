import { useMemo } from 'react';
import { cleanHtml } from './sanitize.js';

/** A message's body: its HTML through the sanitiser, never as given. `dir="auto"` keeps right-to-left text contained. */
export function MessageBody({ html }: { html: string }) {
  const clean = useMemo(() => cleanHtml(html), [html]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by DOMPurify with the message allow-list just above
  return <div className="crm-inbox-body" dir="auto" dangerouslySetInnerHTML={{ __html: clean }} />;
}
