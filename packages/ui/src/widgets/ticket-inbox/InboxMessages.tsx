import { type ReactNode, useMemo } from 'react';
import { UiContext, useUi } from '../../context/ui.js';
import { inboxEn } from '../../i18n/messages/ticket-inbox/en.js';
import { createTranslator, type Messages } from '../../i18n/translate.js';

/**
 * Adds the inbox's English strings under the provider's messages: the provider's (the built-in Vietnamese or Thai
 * catalog, which hold the inbox's strings, and the host's overrides) win; English fills the rest. The English part
 * is bundled with this entry only.
 */
export function InboxMessages({ children }: { children: ReactNode }) {
  const ui = useUi();
  const value = useMemo(() => {
    const messages = { ...inboxEn, ...ui.messages } as Messages;
    return { ...ui, messages, t: createTranslator(ui.locale, messages) };
  }, [ui]);
  return <UiContext.Provider value={value}>{children}</UiContext.Provider>;
}
