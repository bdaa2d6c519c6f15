/**
 * The page the board benchmark drives in Chromium: mounts `PipelineBoard` or the plain baseline on the reference
 * server and measures what happens in the page (first paint, commit and paint after a drop or a key, scroll frames).
 * The benchmark itself (bench/board.ts) moves the real mouse and keyboard and reads the heap.
 */
import { createCrmClient } from '@crmkit/client';
import { QueryClient } from '@tanstack/react-query';
import { createRoot, type Root } from 'react-dom/client';
import { CrmProvider } from '../../packages/ui/src/provider.js';
import { PipelineBoard } from '../../packages/ui/src/widgets/pipeline-board/index.js';
import { painted, whenDom } from '../lib/page-timing.js';
import { PlainBoard } from './plain.js';

const params = new URLSearchParams(location.search);
const pipelineId = params.get('pipeline')!;
const client = createCrmClient({ baseUrl: location.origin, auth: { apiKey: params.get('key')! } });

const openColumns = () => [...document.querySelectorAll<HTMLElement>('[data-pb-column]:not([data-collapsed])')];
const column = (n: number) => openColumns()[n]!;
const cardsIn = (el: Element) => [...el.querySelectorAll<HTMLElement>('[data-deal-id]:not([data-lifted])')];

let root: Root | undefined;
let pending: Promise<{ commit: number; paint: number }> | undefined;

const bench = {
  /** Mounts a board; resolves with the time until every open column shows cards, painted. */
  async mount(mode: 'virtual' | 'plain'): Promise<number> {
    const t0 = performance.now();
    root = createRoot(document.getElementById('root')!);
    const queryClient = new QueryClient();
    root.render(
      <CrmProvider client={client} queryClient={queryClient} live={false} locale="en-US">
        {mode === 'virtual' ? (
          <PipelineBoard pipelineId={pipelineId} height={760} />
        ) : (
          <PlainBoard pipelineId={pipelineId} />
        )}
      </CrmProvider>,
    );
    await whenDom(() => openColumns().length === 6 && openColumns().every((c) => cardsIn(c).length > 0));
    return (await painted()) - t0;
  },
  dom: () => document.getElementsByTagName('*').length,
  /** Where to grab the first card of the 2nd open column and where to drop it (between the 1st and 2nd card of the 3rd). */
  armMove() {
    const from = cardsIn(column(1))[0]!;
    const [a, b] = cardsIn(column(2));
    const r = from.getBoundingClientRect();
    const ra = a!.getBoundingClientRect();
    const rb = b!.getBoundingClientRect();
    const dealId = from.dataset.dealId!;
    const target = column(2);
    let up = 0;
    window.addEventListener('pointerup', () => (up = performance.now()), { capture: true, once: true });
    pending = whenDom(() => up > 0 && !!target.querySelector(`[data-deal-id="${dealId}"]:not([data-lifted])`)).then(
      async (at) => ({ commit: at - up, paint: (await painted()) - up }),
    );
    return {
      from: { x: r.left + r.width / 2, y: r.top + r.height / 2 },
      // The grabbed card's centre over the boundary of the first two cards: it lands between them.
      to: { x: ra.left + ra.width / 2, y: (ra.bottom + rb.top) / 2 + 2 },
    };
  },
  moveResult: () => pending!,
  /** Focuses the first card of the 2nd open column (the keyboard step's starting point). */
  focusCard() {
    cardsIn(column(1))[0]!.focus();
  },
  /** Arms the measurement of the next ArrowRight: until the gap shows in the 3rd open column, and painted. */
  armKey() {
    let down = 0;
    window.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'ArrowRight') down = performance.now();
      },
      { capture: true, once: true },
    );
    const target = column(2);
    pending = whenDom(() => down > 0 && !!target.querySelector('.crm-pb-gap')).then(async (at) => ({
      commit: at - down,
      paint: (await painted()) - down,
    }));
  },
  /** Scrolls the 2nd open column by `px` each frame for `frames` frames; frame times in ms. */
  async scroll(frames = 120, px = 60): Promise<number[]> {
    const scroller = column(1).querySelector<HTMLElement>('[data-pb-scroll]')!;
    const times: number[] = [];
    let last = await new Promise<number>((r) => requestAnimationFrame(r));
    for (let i = 0; i < frames; i++) {
      scroller.scrollTop += px;
      const now = await new Promise<number>((r) => requestAnimationFrame(r));
      times.push(now - last);
      last = now;
    }
    return times;
  },
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}
window.bench = bench;
