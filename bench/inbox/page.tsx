/**
 * The page the inbox benchmark drives in Chromium: mounts `TicketInbox` or the plain baseline on the reference server
 * and measures in the page — the first rows painted, the DOM while pages of the queue load, how long after its data a
 * page is painted, and how long a 2,000-message thread takes from opening to its first paint.
 */
import { createCrmClient } from '@crmkit/client';
import { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MessagesScope } from '../../packages/ui/src/context/scope.js';
import { inboxMessages } from '../../packages/ui/src/i18n/messages/ticket-inbox/index.js';
import { CrmProvider } from '../../packages/ui/src/provider.js';
import { TicketInbox } from '../../packages/ui/src/widgets/ticket-inbox/index.js';
import { painted, whenDom } from '../lib/page-timing.js';
import { PlainQueue, PlainThread } from './plain.js';

const params = new URLSearchParams(location.search);
const client = createCrmClient({ baseUrl: location.origin, auth: { apiKey: params.get('key')! } });
const longThread = params.get('thread')!;

let root: Root | undefined;
let queryClient: QueryClient;
/** Resolves with the time a new page of the queue arrived in the cache, and the id of its first ticket. */
let nextData: ((at: number, firstId: string) => void) | null = null;
let openTicket: (id: string | null) => void = () => {};

const rowsIn = () => document.querySelectorAll('[data-ticket-id]');
const elements = () => document.getElementById('root')!.querySelectorAll('*').length;

function Harness({ mode }: { mode: 'virtual' | 'plain' }) {
  const [ticketId, setTicketId] = useState<string | null>(null);
  openTicket = setTicketId;
  // The baseline renders the inbox's own rows: in the scope of its strings, as the widget does.
  if (mode === 'plain')
    return (
      <MessagesScope part={inboxMessages}>
        {ticketId ? <PlainThread ticketId={ticketId} /> : <PlainQueue />}
      </MessagesScope>
    );
  return (
    <div style={{ height: 960 }}>
      <TicketInbox view="open" ticketId={ticketId} onOpenTicket={setTicketId} />
    </div>
  );
}

const bench = {
  /** Mounts the inbox or the baseline; resolves with the time until the first rows are painted. */
  async mount(mode: 'virtual' | 'plain'): Promise<number> {
    const t0 = performance.now();
    queryClient = new QueryClient();
    queryClient.getQueryCache().subscribe((event) => {
      const key = event.query.queryKey;
      if (event.type !== 'updated' || event.action.type !== 'success' || key[1] !== 'tickets' || key[2] !== 'list')
        return;
      const pages = (event.query.state.data as { pages?: { data: { id: string }[] }[] } | undefined)?.pages;
      const last = pages?.at(-1)?.data[0];
      if (last && pages!.length > 1) nextData?.(performance.now(), last.id);
    });
    root = createRoot(document.getElementById('root')!);
    root.render(
      <CrmProvider client={client} queryClient={queryClient} live={false} locale="en-US">
        <Harness mode={mode} />
      </CrmProvider>,
    );
    await whenDom(() => rowsIn().length > 0);
    return (await painted()) - t0;
  },

  /** Loads `pages` more pages by scrolling the queue to its end; the DOM size before each, and each page's paint. */
  async scroll(pages: number): Promise<{ dom: number[]; nextPage: number[] }> {
    const scroller = document.querySelector<HTMLElement>('.crm-inbox-scroller')!;
    const dom: number[] = [];
    const nextPage: number[] = [];
    for (let p = 0; p < pages; p++) {
      dom.push(elements());
      const arrived = new Promise<{ at: number; firstId: string }>((resolve) => {
        nextData = (at, firstId) => resolve({ at, firstId });
      });
      scroller.scrollTop = scroller.scrollHeight;
      scroller.dispatchEvent(new Event('scroll'));
      const { at, firstId } = await arrived;
      nextData = null;
      await whenDom(() => !!document.querySelector(`[data-ticket-id="${firstId}"]`));
      nextPage.push((await painted()) - at);
    }
    dom.push(elements());
    return { dom, nextPage };
  },

  /** Opens the long thread; the time until its messages are painted. */
  async openThread(): Promise<number> {
    const t0 = performance.now();
    openTicket(longThread);
    await whenDom(() => document.querySelectorAll('.crm-inbox-message').length > 0);
    return (await painted()) - t0;
  },

  dom: elements,
};

declare global {
  interface Window {
    inboxBench: typeof bench;
  }
}
window.inboxBench = bench;
