import { type ReactNode, useId } from 'react';

/**
 * A titled Bootstrap card: the section is named by its `<h2>` (screen readers list it as a region), with optional
 * actions on the right of the header. The body is the caller's (a `card-body`, a flush list group, a form…).
 *
 * @example
 * <Panel title={t('dashboard.news')} className="h-100">
 *   <ul className="list-group list-group-flush">…</ul>
 * </Panel>
 */
export function Panel({
  title,
  actions,
  className,
  children,
}: {
  title: ReactNode;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <section className={`card portal-card${className ? ` ${className}` : ''}`} aria-labelledby={titleId}>
      <div className={`card-header bg-body py-3${actions ? ' d-flex align-items-center' : ''}`}>
        <h2 id={titleId} className="h6 mb-0">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
