import type { Filter, RecordOf } from '@crmkit/client';
import { type ActivityCounts, type StageTotals, useLoadThrough, useStageDeals } from '@crmkit/react';
import { memo, type ReactNode, type RefObject, useEffect, useId, useMemo, useRef } from 'react';
import { useT } from '../../../context/i18n.js';
import { usePart } from '../../../context/parts.js';
import { Button } from '../../../primitives/Button.js';
import { Skeleton } from '../../../primitives/Skeleton.js';
import { StateView } from '../../../primitives/StateView.js';
import { useWindow } from '../../shared/lists/useWindow.js';
import { ColumnHeader } from './ColumnHeader.js';
import type { CardContext } from './card-context.js';
import { DealCard } from './DealCard.js';
import type { BoardDeal, BoardStage } from './deal-facts.js';
import { layoutRows } from './rows.js';
import { useNames } from './useNames.js';

/** What a column tells the board about itself, for moves and keyboard navigation. */
export interface ColumnApi {
  items: readonly BoardDeal[];
  /** Deals in the column, loaded or not. */
  total: number;
  /** Every deal is loaded: `items` is the whole column. */
  complete: boolean;
  fetchNextPage: () => Promise<unknown>;
  scrollToIndex: (index: number) => void;
  /** Names of the companies and contacts of its deals (for the drag preview). */
  names: ReadonlyMap<string, string>;
}

/** Props of {@link Column}. */
export interface ColumnProps {
  pipelineId: string;
  stage: BoardStage;
  filter: Filter<RecordOf<'deals'>>;
  q: string;
  /** Only deals idle past their stage's threshold. */
  rotting: boolean;
  totals: StageTotals | undefined;
  activity: ActivityCounts | undefined;
  collapsed: boolean;
  rowHeight: number;
  context: CardContext;
  headingLevel: number;
  entity: string;
  entities: string;
  /** The board's focused deal, if it is in this column (kept rendered, and the tab stop). */
  focusId: string | null;
  /** A deal to focus as soon as it shows in a column (after a keyboard move, in its new column). */
  pendingFocus: RefObject<{ dealId: string; stageId: string } | null>;
  /** The deal being moved, if any (primitive props, so only the columns a move touches render again). */
  dragId: string | undefined;
  /** Where it would land here (counted without it), when this column is the target. */
  targetIndex: number | undefined;
  /** The moving deal, once dropped, for the two columns the drop touches (shown in its new place at once). */
  dropped: BoardDeal | undefined;
  /** Load the column through this position (a keyboard move heading there). */
  loadIndex: number;
  register: (stageId: string, api: RefObject<ColumnApi | null> | null) => void;
  onToggle: (stageId: string) => void;
  /** The moving deal shows here where it would land (after a drop: the move has landed). */
  onLanded: () => void;
  onAdd?: (stageId: string) => void;
  /** The quick-add form, when open on this column. */
  adding?: ReactNode;
}

const OVERSCAN = 4;

/**
 * One stage of the board: its header and its deals, loaded a page at a time as it scrolls and virtualized — only the
 * cards in view (and a few around) are in the DOM, positioned by arithmetic from one fixed row height, so the DOM
 * stays the same size however many deals the stage holds. Rows not loaded yet show placeholders while their page
 * loads. During a move the moving card stays (faded) where it was and a gap shows where it would land; a drop shows
 * it in its new place in the same render (see `layoutRows`).
 */
export const Column = memo(function Column(props: ColumnProps) {
  const { stage, collapsed, rowHeight, context, dragId, focusId } = props;
  const t = useT();
  const headingId = useId();
  const part = usePart('pipelineColumn', { className: 'crm-pb-column' });
  const list = useStageDeals(props.pipelineId, stage.id, {
    filter: props.filter,
    q: props.q,
    rotting: props.rotting,
    enabled: !collapsed,
  });
  const items = list.items as BoardDeal[];
  const complete = list.isSuccess && !list.hasNextPage;
  const counted = props.totals?.count;
  const total = complete ? items.length : Math.max(counted ?? 0, items.length + (list.hasNextPage ? 1 : 0));

  // Display rows: every deal (the moving one faded where it was) plus the gap where it would land, or once dropped
  // the deal where it landed.
  const found = dragId ? items.findIndex((d) => d.id === dragId) : -1;
  const origin = found >= 0 ? found : undefined;
  const target = props.targetIndex;
  const layout = layoutRows({ total, origin, target, dropped: !!props.dropped });
  const rows = layout.count;

  const scroller = useRef<HTMLDivElement>(null);
  const range = useWindow({ count: collapsed ? 0 : rows, rowHeight, scroller, overscan: OVERSCAN });
  useLoadThrough(list, Math.max(range.end + OVERSCAN, props.loadIndex));

  // Names of the companies (or, without one, the first contact) of the loaded deals, a batch per 100.
  const names = useNames({
    companies: items.map((d) => d.companyId),
    contacts: items.map((d) => (d.companyId ? null : (d.contactIds[0] ?? null))),
  });
  const cardContext = useMemo(() => ({ ...context, names }), [context, names]);

  const api = useRef<ColumnApi | null>(null);
  api.current = {
    items,
    total,
    complete,
    fetchNextPage: () => list.fetchNextPage(),
    scrollToIndex: (index) => range.scrollToIndex(Math.max(0, layout.rowOf(index))),
    names,
  };
  const { register } = props;
  useEffect(() => {
    register(stage.id, api);
    return () => register(stage.id, null);
  }, [register, stage.id]);

  // Focus a deal that was asked for once it shows here.
  const section = useRef<HTMLElement>(null);
  const { pendingFocus } = props;
  useEffect(() => {
    const wanted = pendingFocus.current;
    if (wanted?.stageId !== stage.id || !items.some((d) => d.id === wanted.dealId)) return;
    const card = section.current?.querySelector<HTMLElement>(`[data-deal-id="${CSS.escape(wanted.dealId)}"]`);
    if (!card) return;
    pendingFocus.current = null;
    if (!card.contains(document.activeElement)) card.focus();
  });

  const landed = target !== undefined && origin === target;
  const { onLanded } = props;
  useEffect(() => {
    if (landed) onLanded();
  }, [landed, onLanded]);

  // One tab stop per column: its focused card, else its first. It and the moving card stay rendered wherever they
  // are scrolled (focus must not be lost).
  const active = focusId && items.some((d) => d.id === focusId) ? focusId : items[0]?.id;
  const shown = new Set<number>();
  for (let row = range.start; row < range.end; row++) shown.add(row);
  for (const id of [active, dragId]) {
    const index = id ? items.findIndex((d) => d.id === id) : -1;
    if (index >= 0 && layout.rowOf(index) >= 0) shown.add(layout.rowOf(index));
  }

  const header = (
    <ColumnHeader
      stage={stage}
      headingId={headingId}
      headingLevel={props.headingLevel}
      count={list.isSuccess || counted !== undefined ? total : undefined}
      totals={props.totals}
      activity={props.activity}
      collapsed={collapsed}
      f={context.f}
      onToggle={() => props.onToggle(stage.id)}
      onAdd={props.onAdd && (() => props.onAdd!(stage.id))}
      entity={props.entity}
      entities={props.entities}
    />
  );

  return (
    <section
      ref={section}
      {...part}
      aria-labelledby={headingId}
      data-pb-column={stage.id}
      data-kind={stage.kind}
      data-collapsed={collapsed || undefined}
      data-drop-target={target !== undefined || undefined}
    >
      {header}
      {!collapsed && (
        <div ref={scroller} className="crm-pb-scroll" data-pb-scroll="">
          {props.adding}
          {list.isError && !items.length ? (
            <StateView compact error={list.error} onRetry={() => void list.refetch()} />
          ) : list.isSuccess && rows === 0 ? (
            <p className="crm-pb-col-empty">{t('board.column.empty', { entities: props.entities })}</p>
          ) : (
            <ul
              className="crm-pb-list"
              aria-labelledby={headingId}
              data-pb-list=""
              style={{ height: rows * rowHeight }}
            >
              {[...shown]
                .sort((a, b) => a - b)
                .map((row) => {
                  const style = { transform: `translateY(${row * rowHeight}px)`, height: rowHeight };
                  const at = layout.at(row);
                  if (at.kind === 'gap')
                    return <li key="gap" className="crm-pb-gap" aria-hidden="true" style={style} />;
                  const index = at.kind === 'dropped' ? (target ?? 0) : at.index;
                  const deal = at.kind === 'dropped' ? props.dropped : items[index];
                  if (!deal) {
                    return (
                      <li key={`placeholder-${index}`} className="crm-pb-row" aria-hidden="true" style={style}>
                        {list.isFetchNextPageError && index === items.length ? (
                          <div className="crm-pb-load-failed">
                            <span>{t('board.column.loadFailed', { entities: props.entities })}</span>
                            <Button size="sm" onClick={() => void list.fetchNextPage()}>
                              {t('action.retry')}
                            </Button>
                          </div>
                        ) : (
                          <Skeleton className="crm-pb-card-skeleton" height={rowHeight - 8} />
                        )}
                      </li>
                    );
                  }
                  return (
                    <li
                      key={deal.id}
                      className="crm-pb-row"
                      style={style}
                      aria-setsize={total}
                      aria-posinset={index + 1}
                    >
                      <DealCard
                        deal={deal}
                        context={cardContext}
                        tabbable={deal.id === active}
                        lifted={deal.id === dragId && !props.dropped}
                      />
                    </li>
                  );
                })}
            </ul>
          )}
        </div>
      )}
    </section>
  );
});
