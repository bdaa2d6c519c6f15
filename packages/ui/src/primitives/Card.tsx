import { type HTMLAttributes, type ReactNode, useId } from 'react';
import { usePart } from '../context/parts.js';

/** A heading level for titles: the host knows where a widget sits in its page outline. */
export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/** Props of {@link Card}. */
export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  /** The heading; the card becomes a `<section>` named by it. */
  title?: ReactNode;
  /** Default 2. */
  headingLevel?: HeadingLevel;
  /** Controls at the end of the header (e.g. an edit button or a menu). */
  actions?: ReactNode;
  /** Content of a header without a title (e.g. an avatar and name block). */
  header?: ReactNode;
  footer?: ReactNode;
}

/**
 * A surface with an optional header (title and actions), a body and a footer.
 *
 * @example
 * <Card title={t('timeline.title')} actions={<IconButton icon={icons.filter} aria-label={t('timeline.filterByType')} />}>
 *   …
 * </Card>
 */
export function Card({
  title,
  headingLevel = 2,
  actions,
  header,
  footer,
  className,
  style,
  children,
  ...rest
}: CardProps) {
  const titleId = useId();
  const H = `h${headingLevel}` as const;
  const headerPart = usePart('cardHeader');
  const titlePart = usePart('cardTitle');
  const actionsPart = usePart('cardActions');
  const bodyPart = usePart('cardBody');
  const part = usePart('card', { className, style });
  const Root = title ? 'section' : 'div';
  return (
    <Root aria-labelledby={title ? titleId : undefined} {...rest} {...part}>
      {(title || header || actions) && (
        <div {...headerPart}>
          {header}
          {title && (
            <H id={titleId} {...titlePart}>
              {title}
            </H>
          )}
          {actions && <div {...actionsPart}>{actions}</div>}
        </div>
      )}
      <div {...bodyPart}>{children}</div>
      {footer && <div className="crm-card-footer">{footer}</div>}
    </Root>
  );
}

/** Props of {@link Section}. */
export interface SectionProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  title: ReactNode;
  /** Default 3. */
  headingLevel?: HeadingLevel;
  actions?: ReactNode;
}

/**
 * A titled group inside a card (e.g. "Consent", "Tags"): a `<section>` named by its heading.
 *
 * @example
 * <Section title={t('consent.title')}>…</Section>
 */
export function Section({ title, headingLevel = 3, actions, className, style, children, ...rest }: SectionProps) {
  const titleId = useId();
  const H = `h${headingLevel}` as const;
  const titlePart = usePart('sectionTitle');
  return (
    <section aria-labelledby={titleId} {...rest} {...usePart('section', { className, style })}>
      <div className="crm-section-header">
        <H id={titleId} {...titlePart}>
          {title}
        </H>
        {actions}
      </div>
      {children}
    </section>
  );
}
