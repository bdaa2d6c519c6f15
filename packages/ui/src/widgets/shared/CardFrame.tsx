import type { CSSProperties } from 'react';
import { type EntityName, useEntityLabel, useT } from '../../context.js';
import type { HeadingLevel } from '../../primitives/Card.js';
import { Skeleton } from '../../primitives/Skeleton.js';

/** Props every record card takes. */
export interface CardBaseProps {
  /** `full` (default): every section; `compact`: identity, channels and the essentials, for a 320 px sidebar. */
  variant?: 'full' | 'compact';
  /** Level of the name heading (default 2); sections use the next level. */
  headingLevel?: HeadingLevel;
  /** Allow inline editing (default: when the caller may update the record). */
  editable?: boolean;
  className?: string;
  style?: CSSProperties;
}

/**
 * The placeholder of a card while its record loads: the card's shape, announced as "Loading contact…".
 *
 * @example
 * if (!contact) return <CardSkeleton entity="contact" />;
 */
export function CardSkeleton({ entity }: { entity: EntityName }) {
  const t = useT();
  const label = useEntityLabel(entity, 'singular');
  return (
    <div className="crm-card" role="status" aria-label={t('state.loadingOf', { entities: label.toLocaleLowerCase() })}>
      <div className="crm-card-identity">
        <Skeleton shape="circle" width={56} height={56} />
        <Skeleton lines={2} />
      </div>
      <Skeleton lines={3} />
    </div>
  );
}
