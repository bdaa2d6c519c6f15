import type { BrowserCommand } from 'vitest/node';

interface Point {
  x: number;
  y: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A real touch drag (Chromium's touch input through CDP, so pointer events of type `touch` with their default
 * actions): press at `from` (viewport coordinates of the test's page), hold `hold` ms, move to `to` in steps, lift.
 *
 * @example
 * await commands.touchDrag({ x: 10, y: 10 }, { x: 300, y: 40 });
 */
export const touchDrag: BrowserCommand<[from: Point, to: Point, options?: { hold?: number; steps?: number }]> = async (
  context,
  from,
  to,
  { hold = 450, steps = 12 } = {},
) => {
  const frame = await context.frame();
  // The test's page is an iframe, which the runner may scale to fit: from its coordinates to the browser's.
  const box = (await (await frame.frameElement()).boundingBox()) ?? { x: 0, y: 0, width: 1 };
  const scale = box.width / (await frame.evaluate(() => window.innerWidth));
  const cdp = await context.page.context().newCDPSession(context.page);
  const at = (p: Point) => [
    { x: box.x + p.x * scale, y: box.y + p.y * scale, id: 1, radiusX: 4, radiusY: 4, force: 1 },
  ];
  try {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(from) });
    await sleep(hold);
    for (let i = 1; i <= steps; i++) {
      const p = { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps };
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(p) });
      await sleep(20);
    }
    await sleep(120);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } finally {
    await cdp.detach();
  }
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    touchDrag: (from: Point, to: Point, options?: { hold?: number; steps?: number }) => Promise<void>;
  }
}
