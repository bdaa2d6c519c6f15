import { forwardRef, type HTMLAttributes, type ReactNode, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { cx, usePart } from '../context/parts.js';
import { useUi } from '../context/ui.js';
import type { ElementPart } from '../theme/types.js';

/** Props of {@link CrmRoot}. */
export interface CrmRootProps extends HTMLAttributes<HTMLDivElement> {
  /** The widget's own part, styled by `appearance.elements[part]` on top of `root` (default only `root`). */
  part?: ElementPart;
}

/**
 * The root of every widget (and of every portal): carries the `--crm-*` tokens, `data-theme`, `data-density` and
 * `lang`, and is the scope of the stylesheet's reset. Render one around anything built from the primitives.
 *
 * @example
 * export function ContactCard(props: ContactCardProps) {
 *   return <CrmRoot part="contactCard">...</CrmRoot>;
 * }
 */
export const CrmRoot = /* @__PURE__ */ forwardRef<HTMLDivElement, CrmRootProps>(function CrmRoot(
  { part, className, style, children, ...rest },
  ref,
) {
  const { appearance, locale, pending } = useUi();
  // `crm-root` and `elements.root` always; with a `part`, its class and `elements[part]` too.
  const root = usePart('root', part ? {} : { className, style });
  const own = usePart(part ?? 'root', { className, style });
  return (
    <div
      lang={locale}
      {...rest}
      ref={ref}
      className={part ? cx(root.className, own.className) : root.className}
      style={{ ...appearance.style, ...root.style, ...(part ? own.style : undefined) }}
      data-theme={appearance.theme}
      data-density={appearance.density}
      data-pending={pending || undefined}
      aria-busy={pending || rest['aria-busy'] || undefined}
    >
      {children}
    </div>
  );
});

const noSubscribe = () => () => {};
const isClient = () => true;
const isServer = () => false;

/**
 * Renders children into the provider's `portalContainer` (default `document.body`), inside a {@link CrmRoot} so
 * tokens and styles apply there too. Renders nothing on the server and during hydration.
 *
 * @example
 * <Portal><div className="crm-popover">...</div></Portal>
 */
export function Portal({ children }: { children: ReactNode }) {
  const { portalContainer } = useUi();
  // False on the server and while hydrating, true in any later client render (so content and refs exist at once).
  const client = useSyncExternalStore(noSubscribe, isClient, isServer);
  if (!client) return null;
  return createPortal(<CrmRoot data-portal="">{children}</CrmRoot>, portalContainer ?? document.body);
}
