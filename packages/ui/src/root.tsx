import { type CSSProperties, forwardRef, type HTMLAttributes, type ReactNode, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { type Politeness, useUi } from './context.js';
import type { ElementPart } from './theme/appearance.js';
import { cx, usePart } from './theme/parts.js';

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
      data-density={appearance.variables.density}
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

const HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
  border: 0,
};

/**
 * Content for screen readers only, hidden by inline styles (so no stylesheet, and no host rule, can reveal it).
 *
 * @example
 * <button><Icon name="x" /><VisuallyHidden>Remove tag VIP</VisuallyHidden></button>
 */
export function VisuallyHidden({ children, ...rest }: HTMLAttributes<HTMLSpanElement>) {
  return (
    <span {...rest} style={{ ...HIDDEN, ...rest.style }}>
      {children}
    </span>
  );
}

/** Props of {@link LiveRegion}. */
export interface LiveRegionProps extends HTMLAttributes<HTMLDivElement> {
  /** `polite` (role `status`, default) or `assertive` (role `alert`). */
  politeness?: Politeness;
  /** Hide it visually (default `true`). */
  visuallyHidden?: boolean;
}

/**
 * A live region: screen readers read changes of its content. The provider renders one for `useAnnounce()`; render
 * your own for a visible status line such as a result count.
 *
 * @example
 * <LiveRegion visuallyHidden={false}>{t('table.results', { count })}</LiveRegion>
 */
export function LiveRegion({ politeness = 'polite', visuallyHidden = true, style, ...rest }: LiveRegionProps) {
  return (
    <div
      role={politeness === 'assertive' ? 'alert' : 'status'}
      aria-live={politeness}
      aria-atomic="true"
      {...rest}
      style={visuallyHidden ? { ...HIDDEN, ...style } : style}
    />
  );
}
