import type { ReactNode } from 'react';

/** One term and its description. */
export interface Detail {
  term: ReactNode;
  description: ReactNode;
  key: string;
}

/**
 * A description list of details (label → value), the layout of every card's facts.
 *
 * @example
 * <DetailList items={[{ key: 'owner', term: t('field.owner'), description: owner.name }]} />
 */
export function DetailList({ items }: { items: Detail[] }) {
  if (!items.length) return null;
  return (
    <dl className="crm-details">
      {items.map((item) => (
        <div key={item.key} className="crm-detail">
          <dt>{item.term}</dt>
          <dd>{item.description}</dd>
        </div>
      ))}
    </dl>
  );
}
