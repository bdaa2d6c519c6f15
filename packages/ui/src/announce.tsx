import { useEffect, useState } from 'react';
import { type Announce, useUi } from './context.js';
import { LiveRegion } from './root.js';

/**
 * Announcements to screen readers: the hook widgets call, and the provider's pair of live regions that speak them.
 */

/**
 * Announces a message to screen readers (e.g. "Saved", "3 results"), through the provider's live region.
 *
 * @example
 * const announce = useAnnounce();
 * await save();
 * announce(t('state.saved'));
 */
export function useAnnounce(): Announce {
  return useUi().announce;
}

/** The provider's two live regions; `connect.current` becomes its announce function. */
export function Announcer({ lang, connect }: { lang: string; connect: { current: Announce } }) {
  const [text, setText] = useState({ polite: '', assertive: '' });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    connect.current = (message, politeness = 'polite') => {
      // Cleared first, then set: the same message twice in a row is read twice.
      setText((t) => ({ ...t, [politeness]: '' }));
      clearTimeout(timer);
      timer = setTimeout(() => setText((t) => ({ ...t, [politeness]: message })), 60);
    };
    return () => {
      clearTimeout(timer);
      connect.current = () => {};
    };
  }, [connect]);
  return (
    <div lang={lang} data-crm-announcer="">
      <LiveRegion politeness="polite">{text.polite}</LiveRegion>
      <LiveRegion politeness="assertive">{text.assertive}</LiveRegion>
    </div>
  );
}
