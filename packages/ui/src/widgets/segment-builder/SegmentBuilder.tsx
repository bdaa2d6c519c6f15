import type { Segment, SegmentResource } from '@crmkit/client';
import { useMe, useRecord, useSchema } from '@crmkit/react';
import type { CSSProperties, ReactNode } from 'react';
import { useT } from '../../context/i18n.js';
import { MessagesScope } from '../../context/scope.js';
import { filtersMessages } from '../../i18n/messages/filters/index.js';
import { segmentsMessages } from '../../i18n/messages/segments/index.js';
import type { HeadingLevel } from '../../primitives/Card.js';
import { CrmRoot } from '../../primitives/CrmRoot.js';
import { Skeleton } from '../../primitives/Skeleton.js';
import { StateView } from '../../primitives/StateView.js';
import { ENTITY_OF, SEGMENT_RESOURCES } from '../shared/segments/resources.js';
import { SegmentEditor } from './SegmentEditor.js';

/** Props of {@link SegmentBuilder}. */
export interface SegmentBuilderProps {
  /** The saved segment to open; without it the builder starts a new one (and updates it after its first save). */
  segmentId?: string;
  /** What a new segment selects from (default `contacts`). */
  defaultResource?: SegmentResource;
  /** The resources offered (default every one the workspace has switched on). */
  resources?: readonly SegmentResource[];
  /** Called after each save with the segment as stored (its `id` once created). */
  onSaved?: (segment: Segment) => void;
  /** Opens a record of the sample (the host routes to it); without it the sample's names are not links. */
  onOpenRecord?: (record: { resource: SegmentResource; id: string }) => void;
  /** How many matching records the preview shows (default 5, at most 50). */
  sampleSize?: number;
  /** The heading (default the segment's name, or "New segment"). */
  title?: ReactNode;
  /** Level of the heading in the host's outline (default 2). */
  headingLevel?: HeadingLevel;
  /** Class names for the widget's root element (also settable for every widget with `appearance.elements`). */
  className?: string;
  /** Inline styles for the widget's root element. */
  style?: CSSProperties;
}

/**
 * Builds a segment: a name, what it selects from (contacts, companies, leads, deals, tickets), and a tree of
 * conditions on the workspace's fields — custom fields included, typed comparisons per field, relative dates ("in the
 * next 30 days", birthdays), nested AND / OR groups — with a live count and a sample of who matches as you edit
 * (counted on the server a moment after each change). Saves a new segment, then updates (renames) it; the server's
 * errors show on the condition they are about. Viewers see the conditions as sentences and the count, with no
 * controls. On a server without segments (`capabilities.segments`) it says so instead.
 *
 * Keyboard: every control is native or a menu button; a condition's "More actions" moves it up, down, into a group
 * of its own or out of its group; after removing a condition focus moves to the one now in its place.
 *
 * @example
 * <SegmentBuilder onSaved={(segment) => router.push(`/segments/${segment.id}`)} />
 * <SegmentBuilder segmentId={id} onOpenRecord={({ resource, id }) => router.push(`/crm/${resource}/${id}`)} />
 */
export function SegmentBuilder(props: SegmentBuilderProps) {
  return (
    <MessagesScope part={[segmentsMessages, filtersMessages]}>
      <Builder {...props} />
    </MessagesScope>
  );
}

function Builder({
  segmentId,
  defaultResource = 'contacts',
  resources,
  onSaved,
  onOpenRecord,
  sampleSize = 5,
  title,
  headingLevel = 2,
  className,
  style,
}: SegmentBuilderProps) {
  const t = useT();
  const schema = useSchema();
  const saved = useRecord('segments', segmentId);
  // What the caller may do decides between the form and a read-only view: wait for it.
  const me = useMe();
  const available = schema.data?.capabilities.segments === true;

  let body: ReactNode;
  if (schema.error) body = <StateView error={schema.error} onRetry={() => void schema.refetch()} />;
  else if (!schema.data || me.isPending) body = <Loading label={t('state.loading')} />;
  else if (!available) body = <StateView state="empty" title={t('segments.unavailable')} />;
  else if (segmentId && saved.error) body = <StateView error={saved.error} onRetry={() => void saved.refetch()} />;
  else if (segmentId && !saved.data) body = <Loading label={t('state.loading')} />;
  else {
    const offered = (resources ?? SEGMENT_RESOURCES).filter((r) => schema.data.entities[ENTITY_OF[r]]?.enabled);
    body = (
      <SegmentEditor
        key={saved.data?.id ?? 'new'}
        segment={saved.data}
        resources={offered}
        defaultResource={offered.includes(defaultResource) ? defaultResource : (offered[0] ?? 'contacts')}
        sampleSize={Math.min(50, Math.max(0, sampleSize))}
        title={title}
        headingLevel={headingLevel}
        onSaved={onSaved}
        onOpenRecord={onOpenRecord}
      />
    );
  }
  return (
    <CrmRoot part="segmentBuilder" className={className} style={style}>
      {body}
    </CrmRoot>
  );
}

function Loading({ label }: { label: string }) {
  return (
    <div className="crm-sb-loading" role="status" aria-label={label}>
      <Skeleton lines={4} />
    </div>
  );
}
