import type { RecordOf } from '@crmkit/client';
import { useCan, useCrm, useFormat, useRecord, useSchema } from '@crmkit/react';
import type { CSSProperties, ReactNode } from 'react';
import { useT } from '../../../context/i18n.js';
import { type EntityName, useEntityLabel } from '../../../context/labels.js';
import { MessagesScope } from '../../../context/scope.js';
import { cardMessages } from '../../../i18n/messages/cards/index.js';
import type { HeadingLevel } from '../../../primitives/Card.js';
import { CrmRoot } from '../../../primitives/CrmRoot.js';
import { Skeleton } from '../../../primitives/Skeleton.js';
import { StateView } from '../../../primitives/StateView.js';
import type { ElementPart } from '../../../theme/types.js';

/** Props every record card takes. */
export interface CardBaseProps {
  /** `full` (default): every section; `compact`: identity, channels and the essentials, for a 320 px sidebar. */
  variant?: 'full' | 'compact';
  /** Level of the name heading (default 2); sections use the next level. */
  headingLevel?: HeadingLevel;
  /** Allow inline editing (default: when the caller may update the record). */
  editable?: boolean;
  /** Class names for the widget's root element (also settable for every widget with `appearance.elements`). */
  className?: string;
  /** Inline styles for the widget's root element. */
  style?: CSSProperties;
}

/** The placeholder of a card while its record loads: the card's shape, announced as "Loading contact…". */
function CardSkeleton({ entity }: { entity: EntityName }) {
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

/**
 * The root of a record card and its states, with the cards' messages in scope: loads the record by id unless the host passed it, then renders the card,
 * else the load error (with retry), else the skeleton.
 *
 * @example
 * <CardFrame resource="contacts" id={contactId} part="contactCard" entity="contact">
 *   {(contact) => <ContactCardBody contact={contact} />}
 * </CardFrame>
 */
export function CardFrame<N extends 'contacts' | 'companies'>({
  resource,
  id,
  record: given,
  part,
  entity,
  variant = 'full',
  className,
  style,
  children,
}: Pick<CardBaseProps, 'variant' | 'className' | 'style'> & {
  resource: N;
  /** The record to load; ignored when `record` is given. */
  id: string | undefined;
  /** The record itself, when the host already has it. */
  record?: RecordOf<N> | undefined;
  part: ElementPart;
  entity: EntityName;
  children: (record: RecordOf<N>) => ReactNode;
}) {
  const query = useRecord(resource, given ? undefined : id);
  const record = given ?? (query.data as RecordOf<N> | undefined);
  let body: ReactNode;
  if (record) body = children(record);
  else if (query.error) body = <StateView error={query.error} onRetry={() => query.refetch()} entity={entity} />;
  else body = <CardSkeleton entity={entity} />;
  return (
    <MessagesScope part={cardMessages}>
      <CrmRoot part={part} data-variant={variant} className={className} style={style}>
        {body}
      </CrmRoot>
    </MessagesScope>
  );
}

/**
 * What every card body reads: messages, formats, locale, the workspace schema, and whether the caller may edit the
 * record (`editable` can only narrow what the role allows).
 *
 * @example
 * const { t, f, locale, schema, canEdit } = useCardBasics('contacts', editable);
 */
export function useCardBasics(resource: 'contacts' | 'companies', editable: boolean | undefined) {
  const t = useT();
  const f = useFormat();
  const { locale } = useCrm();
  const schema = useSchema().data;
  const canEdit = useCan('update', resource) && editable !== false;
  return { t, f, locale, schema, canEdit };
}
