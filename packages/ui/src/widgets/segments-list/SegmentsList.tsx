import type { Segment } from '@crmkit/client';
import { useCan, useDeleteRecord, useList, useSchema, useUpdateRecord } from '@crmkit/react';
import { type CSSProperties, type ReactNode, useId, useState } from 'react';
import { useAnnounce } from '../../context/announce.js';
import { useMessages } from '../../context/i18n.js';
import { cx } from '../../context/parts.js';
import { MessagesScope } from '../../context/scope.js';
import { segmentsMessages } from '../../i18n/messages/segments/index.js';
import { segmentsListMessages } from '../../i18n/messages/segments-list/index.js';
import { Button } from '../../primitives/Button.js';
import type { HeadingLevel } from '../../primitives/Card.js';
import { CrmRoot } from '../../primitives/CrmRoot.js';
import * as icons from '../../primitives/icons.js';
import { Skeleton } from '../../primitives/Skeleton.js';
import { StateView } from '../../primitives/StateView.js';
import { ListHeader } from '../shared/lists/ListHeader.js';
import { LoadMore } from '../shared/lists/LoadMore.js';
import { useRowFocus } from '../shared/lists/useRowFocus.js';
import { useResourceLabels } from '../shared/segments/useResourceLabels.js';
import { DeleteDialog, RenameDialog } from './SegmentDialogs.js';
import { SegmentRow } from './SegmentRow.js';

/** Props of {@link SegmentsList}. */
export interface SegmentsListProps {
  /** Opens a segment (e.g. in a `SegmentBuilder`); without it segment names are not buttons. */
  onOpenSegment?: (segment: Segment) => void;
  /** Starts a new segment; shows a "New segment" button to those who may create one. */
  onNewSegment?: () => void;
  /** The heading (default the catalog's "Segments"). */
  title?: ReactNode;
  /** Level of the heading in the host's outline (default 2). */
  headingLevel?: HeadingLevel;
  /** Segments per page, "Load more" fetches the next (default 50). */
  pageSize?: number;
  /** Class names for the widget's root element (also settable for every widget with `appearance.elements`). */
  className?: string;
  /** Inline styles for the widget's root element. */
  style?: CSSProperties;
}

/**
 * The workspace's saved segments, by name, each with what it selects from and how many records it holds now (counted
 * live on the server, and again when records change). Open one (`onOpenSegment`), rename it, or delete it after a
 * confirmation; viewers only read. On a server without segments (`capabilities.segments`) it says so instead.
 *
 * Keyboard: Arrow Up / Arrow Down, Home and End move between segments; a segment's actions open with Enter or Arrow
 * Down on its menu button. Focus stays in the list when a deleted segment leaves it.
 *
 * @example
 * <SegmentsList onOpenSegment={(segment) => router.push(`/segments/${segment.id}`)} onNewSegment={() => router.push('/segments/new')} />
 */
export function SegmentsList(props: SegmentsListProps) {
  return (
    <MessagesScope part={[segmentsListMessages, segmentsMessages]}>
      <Segments {...props} />
    </MessagesScope>
  );
}

function Segments({
  onOpenSegment,
  onNewSegment,
  title,
  headingLevel = 2,
  pageSize = 50,
  className,
  style,
}: SegmentsListProps) {
  const { t, locale } = useMessages();
  const id = useId();
  const announce = useAnnounce();
  const schema = useSchema();
  const available = schema.data?.capabilities.segments === true;
  const list = useList('segments', { sort: 'name', limit: pageSize }, { enabled: available });
  const items = list.items as Segment[];
  const labels = useResourceLabels();
  const canCreate = useCan('create', 'segments');
  const canRename = useCan('update', 'segments');
  const canDelete = useCan('delete', 'segments');
  const rename = useUpdateRecord('segments');
  const remove = useDeleteRecord('segments');
  const [dialog, setDialog] = useState<{ kind: 'rename' | 'delete'; segment: Segment }>();
  const rows = useRowFocus(items.length);

  let body: ReactNode;
  if (schema.error) body = <StateView error={schema.error} onRetry={() => void schema.refetch()} />;
  else if (schema.data && !available) body = <StateView state="empty" compact title={t('segments.unavailable')} />;
  else if (list.error && !items.length) body = <StateView error={list.error} onRetry={() => void list.refetch()} />;
  else if (!schema.data || list.isPending) {
    body = (
      <div className="crm-list-loading" role="status" aria-label={t('state.loading')}>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} lines={2} />
        ))}
      </div>
    );
  } else if (!items.length) body = <StateView state="empty" compact title={t('segments.empty')} />;
  else {
    body = (
      <ul className="crm-sl-list" aria-labelledby={`${id}-title`} {...rows.listProps}>
        {items.map((segment) => (
          <SegmentRow
            key={segment.id}
            segment={segment}
            entities={labels[segment.resource].toLocaleLowerCase(locale)}
            canRename={canRename}
            canDelete={canDelete}
            onOpen={onOpenSegment}
            onRename={(s) => setDialog({ kind: 'rename', segment: s })}
            onDelete={(s) => setDialog({ kind: 'delete', segment: s })}
          />
        ))}
      </ul>
    );
  }

  const failed = rename.error || remove.error || rename.conflict;
  return (
    <CrmRoot part="segmentsList" className={cx('crm-list-widget', className)} style={style}>
      <section aria-labelledby={`${id}-title`} className="crm-list-section">
        <div className="crm-sl-header">
          <ListHeader
            id={`${id}-title`}
            level={headingLevel}
            title={title ?? t('segments.title')}
            refreshing={list.isFetching && !list.isPending && !list.isFetchingNextPage}
          />
          {onNewSegment && canCreate && available && (
            <Button size="sm" icon={icons.plus} onClick={onNewSegment}>
              {t('segments.new')}
            </Button>
          )}
        </div>
        {failed && (
          <p role="alert" className="crm-list-error">
            {t('segments.notSaved')}
          </p>
        )}
        {body}
        <LoadMore list={list} shown={items.length} />
      </section>
      {dialog?.kind === 'rename' && (
        <RenameDialog
          segment={dialog.segment}
          onClose={() => setDialog(undefined)}
          onRename={(name) => {
            remove.reset();
            rename.update(dialog.segment.id, { name }, { ifVersion: dialog.segment.version });
            announce(t('segments.renamed'));
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteDialog
          segment={dialog.segment}
          onClose={() => setDialog(undefined)}
          onDelete={() => {
            rename.reset();
            remove.mutate(dialog.segment.id);
            announce(t('segments.deleted'));
          }}
        />
      )}
    </CrmRoot>
  );
}
