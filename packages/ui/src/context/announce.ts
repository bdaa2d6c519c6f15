import { type Announce, useUi } from './ui.js';

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
