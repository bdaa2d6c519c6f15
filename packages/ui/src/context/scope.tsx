import { type ReactNode, useEffect, useMemo, useReducer } from 'react';
import type { MessagePart } from '../i18n/messages/catalog.js';
import { languageOf, loadedPart, loadPart, partMessages, partPending } from '../i18n/parts.js';
import { createTranslator, type Messages } from '../i18n/translate.js';
import { UiContext, type UiContextValue, useUi } from './ui.js';

/**
 * The UI context below a scope of `part`: `parent`'s, with the part's messages in the current locale added (and
 * `pending` while its built-in translation loads, which starts here).
 */
export function usePartScope(part: AnyPart, parent: UiContextValue): UiContextValue {
  const { locale, overrides } = parent;
  const language = languageOf(locale);
  // Renders again once the translation has loaded.
  const [, loaded] = useReducer((n: number) => n + 1, 0);
  const builtin = loadedPart(part, language);
  const waiting = partPending(part, locale, overrides);
  useEffect(() => {
    if (waiting) loadPart(part, language).then(loaded, loaded);
  }, [waiting, part, language]);
  return useMemo(() => {
    const messages = { ...parent.messages, ...partMessages(part, locale, builtin, overrides) } as Messages;
    return { ...parent, messages, t: createTranslator(locale, messages), pending: parent.pending || waiting };
  }, [parent, part, locale, builtin, overrides, waiting]);
}

// biome-ignore lint/suspicious/noExplicitAny: parts differ in their keys.
type AnyPart = MessagePart<any>;

/**
 * Gives the components below it the messages of a widget's catalog part (or of several: a widget that shows another's
 * pieces), on top of the core's: every widget renders its content inside one, so `useT()` there knows its strings.
 * English comes with the widget's code; a built-in translation loads on demand (the widget's root stays hidden
 * meanwhile), unless the host's `messages` already give the whole part. A scope inside a rendered widget (a form or
 * dialog loaded lazily, with its own part) shows `fallback` while its translation loads instead.
 *
 * @example
 * export function ContactsTable(props: ContactsTableProps) {
 *   return (
 *     <MessagesScope part={tableMessages}>
 *       <Table {...props} />
 *     </MessagesScope>
 *   );
 * }
 * <MessagesScope part={editingMessages} fallback={<Skeleton lines={4} />}>
 *   <Form />
 * </MessagesScope>
 */
export function MessagesScope({
  part,
  fallback,
  children,
}: {
  part: AnyPart | readonly AnyPart[];
  /** Shown instead of `children` while the part's translation loads (default: `children`, in a hidden root). */
  fallback?: ReactNode;
  children: ReactNode;
}) {
  const [first, ...rest] = Array.isArray(part) ? part : [part as AnyPart];
  if (!first) return children;
  return (
    <PartScope part={first} fallback={fallback}>
      {rest.length ? (
        <MessagesScope part={rest} fallback={fallback}>
          {children}
        </MessagesScope>
      ) : (
        children
      )}
    </PartScope>
  );
}

function PartScope({ part, fallback, children }: { part: AnyPart; fallback?: ReactNode; children: ReactNode }) {
  const value = usePartScope(part, useUi());
  return (
    <UiContext.Provider value={value}>
      {fallback !== undefined && value.pending ? fallback : children}
    </UiContext.Provider>
  );
}
