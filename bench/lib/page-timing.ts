/**
 * Timing helpers of the widget benches' pages (they run in Chromium): when a frame has been painted, when the DOM
 * reaches a state.
 */

/**
 * Resolves after the next frame has been painted (a task posted from a frame callback runs after its paint), with the
 * time.
 *
 * @example
 * const t0 = performance.now();
 * render();
 * const paint = (await painted()) - t0;
 */
export const painted = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );

/**
 * Resolves when `check` holds after a DOM change (checked at once, then on every mutation), with the time; rejects
 * after `timeout` ms.
 *
 * @example
 * await whenDom(() => document.querySelectorAll('.crm-inbox-message').length > 0);
 */
export function whenDom(check: () => boolean, timeout = 60_000): Promise<number> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve(performance.now());
    const observer = new MutationObserver(() => {
      if (!check()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(performance.now());
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('timed out waiting for the DOM'));
    }, timeout);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
  });
}
