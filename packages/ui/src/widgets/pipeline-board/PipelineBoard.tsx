import type { Filter, RecordOf } from '@crmkit/client';
import { useCan, useCrm, useFormat, useMe, useNow, usePipeline, useSchema, useStageActivity } from '@crmkit/react';
import { type CSSProperties, type ReactNode, Suspense, useCallback, useId, useMemo, useRef, useState } from 'react';
import { useAnnounce } from '../../context/announce.js';
import { useT } from '../../context/i18n.js';
import { useEntityLabel } from '../../context/labels.js';
import { MessagesScope } from '../../context/scope.js';
import { boardMessages } from '../../i18n/messages/pipeline-board/index.js';
import { Button } from '../../primitives/Button.js';
import { CrmRoot, Portal } from '../../primitives/CrmRoot.js';
import { IconButton } from '../../primitives/IconButton.js';
import * as icons from '../../primitives/icons.js';
import { StateView } from '../../primitives/StateView.js';
import { VisuallyHidden } from '../../primitives/VisuallyHidden.js';
import { useUsers } from '../shared/lists/useUsers.js';
import { Column } from './column/Column.js';
import type { CardContext } from './column/card-context.js';
import { DealCard } from './column/DealCard.js';
import { useBoardStages } from './column/stages.js';
import { useRowHeight } from './column/useRowHeight.js';
import {
  ConflictDialog,
  FilterForm,
  Forecast,
  LostReasonDialog,
  MoveMenu,
  QuickAdd,
  useExtras,
} from './extras/lazy.js';
import { BoardHeader } from './header/BoardHeader.js';
import { activeFilters, type BoardFilters, EMPTY_FILTERS } from './header/filters.js';
import { useBoardKeyboard } from './moves/useBoardKeyboard.js';
import { locate } from './moves/useBoardMoves.js';
import { useBoardState } from './moves/useBoardState.js';
import { usePointerMoves } from './moves/usePointerMoves.js';

type Deal = RecordOf<'deals'>;

/** A column without deals that have a next activity (stable, so the column does not render again). */
const NO_ACTIVITY = { overdue: 0, today: 0, future: 0, none: 0 };

/** Props of {@link PipelineBoard}. */
export interface PipelineBoardProps {
  /** The pipeline to show (default the workspace's default pipeline). */
  pipelineId?: string;
  /** Filters always applied and not shown, e.g. `{ ownerId: me }`. The board's own filters add to them. */
  filter?: Filter<Deal>;
  /**
   * Fields shown on each card, by key (custom fields too, e.g. `['contractMonths']`); default: the deal fields the
   * workspace schema marks for cards.
   */
  cardFields?: string[];
  /** Called with a deal (its id, and the deal as shown) when its card is clicked or Enter is pressed on it: the host routes. */
  onOpenDeal?: (id: string, deal: Deal) => void;
  /** Called with the stored deal after each move the server accepted. */
  onDealMoved?: (deal: Deal) => void;
  /** Stages folded at first, by id (default: the won and lost stages). */
  defaultCollapsed?: string[];
  /** Height of the columns' area (default `min(78vh, 820px)`): each column scrolls within it. */
  height?: number | string;
  /** Level of the board's heading (default 2); column headings are one level below. */
  headingLevel?: 2 | 3 | 4 | 5;
  /** The board's accessible name (default "Deals board", with the workspace's name of deals). */
  'aria-label'?: string;
  /** Class names for the widget's root element (also settable for every widget with `appearance.elements`). */
  className?: string;
  /** Inline styles for the widget's root element. */
  style?: CSSProperties;
}

/**
 * The deals of a pipeline as a kanban board: a column per stage with exact counts and per-currency totals from the
 * server (following the filters), virtualized columns that load their deals a page at a time as they scroll, and
 * moves that are optimistic, land between their neighbours with one write, and roll back visibly when refused —
 * by pointer (mouse, pen, touch), by keyboard (Space picks a card up, arrows move it, Space drops, Escape cancels,
 * every step announced) or by each card's "Move…" menu. A drop on a lost stage asks for the reason first. Moves by
 * others arrive live and never disturb a move in progress.
 *
 * @example
 * <PipelineBoard onOpenDeal={(id) => navigate(`/deals/${id}`)} cardFields={['contractMonths']} />
 */
export function PipelineBoard(props: PipelineBoardProps) {
  return (
    <MessagesScope part={boardMessages}>
      <Board {...props} />
    </MessagesScope>
  );
}

function Board(props: PipelineBoardProps) {
  const t = useT();
  const f = useFormat();
  const announce = useAnnounce();
  const { locale } = useCrm();
  const schema = useSchema();
  const canMove = useCan('update', 'deals');
  const canAdd = useCan('create', 'deals');
  const entity = useEntityLabel('deal', 'singular').toLocaleLowerCase(locale);
  const Entities = useEntityLabel('deal', 'plural');
  const entities = Entities.toLocaleLowerCase(locale);
  const me = useMe().data?.user?.id;
  const now = useNow(60_000);
  const today = f.dayKey(now);

  const [filters, setFilters] = useState<BoardFilters>(EMPTY_FILTERS);
  const [search, setSearch] = useState('');
  const pipeline =
    schema.data?.pipelines.find((p) => (props.pipelineId ? p.id === props.pipelineId : p.isDefault)) ??
    schema.data?.pipelines[0];
  const currency = pipeline?.currency;
  // The menu, filter form, forecast and prompts load now, in parallel with the data; the board's own filters become a
  // list filter with them (only the filter form, one of them, sets any).
  const extras = useExtras();
  const filter = useMemo(
    () => ({
      ...props.filter,
      ...(extras && activeFilters(filters) ? extras.toFilter(filters, { today, me, format: f, currency }) : {}),
    }),
    [props.filter, extras, filters, today, me, f, currency],
  );
  const scope = useMemo(() => ({ filter, q: search, rotting: filters.rotting }), [filter, search, filters.rotting]);
  const board = usePipeline(props.pipelineId, scope);
  const activity = useStageActivity(pipeline?.id, scope);
  const stages = useBoardStages(pipeline?.stages, locale);

  const [collapsed, setCollapsed] = useState<ReadonlySet<string> | null>(null);
  const folded = useMemo(
    () => collapsed ?? new Set(props.defaultCollapsed ?? stages.filter((s) => s.kind !== 'open').map((s) => s.id)),
    [collapsed, props.defaultCollapsed, stages],
  );
  const onToggle = useCallback(
    (id: string) =>
      setCollapsed(() => {
        const next = new Set(folded);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [folded],
  );

  // ── Moves (pointer, keyboard, menu) and focus ──────────────────────────────────────────────────────────────
  const state = useBoardState({ stages, t, announce, onDealMoved: props.onDealMoved });
  const { columns, drag, moves, focusId, pendingFocus } = state;
  const root = useRef<HTMLDivElement>(null);
  const preview = useRef<HTMLDivElement>(null);

  const rowHeight = useRowHeight(root);
  const scroller = useRef<HTMLElement>(null);
  const counts = useCallback(
    (stageId: string) =>
      columns.get(stageId)?.current?.total ?? board.stages.find((s) => s.stage.id === stageId)?.count ?? 0,
    [columns, board.stages],
  );
  const { onPointerDown, point } = usePointerMoves({
    state,
    scroller,
    preview,
    rowHeight,
    counts,
    canMove,
    t,
    announce,
  });

  const keyboard = useBoardKeyboard({
    columns,
    stages: stages.filter((s) => !folded.has(s.id) || drag),
    collapsed: folded,
    counts,
    drag,
    canMove,
    t,
    announce,
    focus: state.focus,
    setDrag: state.setDrag,
    drop: state.drop,
    cancel: state.cancel,
    onOpenDeal: props.onOpenDeal,
  });

  // ── Cards ──────────────────────────────────────────────────────────────────────────────────────────────────
  const helpId = useId();
  const owners = useUsers();
  const fields = schema.data?.fields.deal;
  const cardFields = useMemo(() => {
    const keys = props.cardFields ?? fields?.filter((d) => d.card).map((d) => d.key) ?? [];
    return keys.flatMap((k) => fields?.find((d) => d.key === k) ?? []);
  }, [props.cardFields, fields]);
  const minute = Math.floor(now.getTime() / 60_000);
  const context = useMemo<CardContext>(
    () => ({
      t,
      f,
      locale,
      now: minute * 60_000,
      today,
      stages,
      owners: owners.names,
      names: new Map(),
      cardFields,
      canMove,
      helpId,
      onMoveTo: state.onMoveTo,
      MoveMenu,
    }),
    [t, f, locale, minute, today, stages, owners.names, cardFields, canMove, helpId, state.onMoveTo],
  );
  const previewDeal = drag && point ? locate(columns, drag.dealId) : undefined;

  // ── Layout ─────────────────────────────────────────────────────────────────────────────────────────────────
  const headingLevel = props.headingLevel ?? 2;
  const [adding, setAdding] = useState<string | null>(null);
  let body: ReactNode;
  const filtered = !!search.trim() || activeFilters(filters) > 0;
  // Nothing in the pipeline at all (not a filter that matches nothing): say so above the columns, which stay for
  // quick add and drops.
  const empty = !board.isPending && !board.error && board.totals.count === 0;
  if (schema.error || board.error) {
    body = (
      <StateView
        error={schema.error ?? board.error}
        onRetry={() => void (schema.error ? schema.refetch() : board.refetch())}
      />
    );
  } else if (schema.isPending) {
    body = <StateView state="loading" entity="deal" />;
  } else if (!pipeline) {
    body = <StateView state="empty" title={t('board.noPipeline')} />;
  } else {
    body = (
      <section
        ref={scroller}
        className="crm-pb-columns"
        aria-label={props['aria-label'] ?? t('board.label', { entities: Entities })}
        style={{
          height: typeof props.height === 'number' ? `${props.height}px` : (props.height ?? 'min(78vh, 820px)'),
          ['--crm-pb-row' as string]: `${rowHeight}px`,
        }}
        data-dragging={drag?.mode === 'pointer' || undefined}
        onPointerDown={onPointerDown}
        onKeyDown={keyboard.onKeyDown}
        onClick={(event) => {
          const target = event.target as Element;
          const card = target.closest<HTMLElement>('[data-deal-id]');
          if (!card || target.closest('button, a, input, select, textarea')) return;
          const at = locate(columns, card.dataset.dealId!);
          if (at) props.onOpenDeal?.(at.deal.id, at.deal);
        }}
        onBlur={keyboard.onBlur}
      >
        {stages.map((stage) => (
          <Column
            key={stage.id}
            pipelineId={pipeline.id}
            stage={stage}
            filter={filter}
            q={search}
            rotting={filters.rotting}
            totals={board.stages.find((s) => s.stage.id === stage.id)}
            activity={activity?.get(stage.id) ?? (activity ? NO_ACTIVITY : undefined)}
            collapsed={folded.has(stage.id)}
            rowHeight={rowHeight}
            context={context}
            headingLevel={headingLevel + 1}
            entity={entity}
            entities={entities}
            focusId={focusId}
            pendingFocus={pendingFocus}
            dragId={drag?.dealId}
            targetIndex={drag?.target.stageId === stage.id ? drag.target.index : undefined}
            dropped={
              drag?.dropped && (drag.target.stageId === stage.id || drag.origin.stageId === stage.id)
                ? drag.dropped
                : undefined
            }
            loadIndex={drag?.target.stageId === stage.id ? drag.target.index + 1 : 0}
            register={state.register}
            onToggle={onToggle}
            onLanded={state.onLanded}
            onAdd={canAdd && stage.kind !== 'lost' ? setAdding : undefined}
            adding={
              adding === stage.id && (
                <Suspense>
                  <QuickAdd
                    pipelineId={pipeline.id}
                    stage={stage}
                    currency={pipeline.currency}
                    before={columns.get(stage.id)?.current?.items[0]}
                    onDone={() => setAdding(null)}
                  />
                </Suspense>
              )
            }
          />
        ))}
      </section>
    );
  }

  return (
    <CrmRoot
      ref={root}
      part="pipelineBoard"
      className={props.className}
      style={props.style}
      aria-busy={schema.isPending || board.isPending || undefined}
    >
      {pipeline && (
        <BoardHeader
          pipeline={pipeline}
          open={board.open}
          forecast={
            <Suspense fallback={<div className="crm-pb-forecast" aria-hidden="true" />}>
              <Forecast
                pipelineId={pipeline.id}
                scope={scope}
                currency={pipeline.currency}
                today={today}
                entities={entities}
              />
            </Suspense>
          }
          headingLevel={headingLevel}
          filters={filters}
          onFiltersChange={setFilters}
          search={search}
          onSearchChange={setSearch}
          owners={owners.list}
          entities={entities}
          FilterForm={FilterForm}
        />
      )}
      {moves.notice && (
        <div className="crm-pb-notice" role="alert">
          <span>{moves.notice}</span>
          <IconButton icon={icons.x} size="sm" aria-label={t('action.close')} onClick={moves.dismissNotice} />
        </div>
      )}
      {empty && pipeline && !schema.error && (
        <StateView
          compact
          state={filtered ? 'no-results' : 'empty'}
          entity="deal"
          action={
            filtered && (
              <Button
                icon={icons.x}
                onClick={() => {
                  setSearch('');
                  setFilters(EMPTY_FILTERS);
                }}
              >
                {t('action.clearAll')}
              </Button>
            )
          }
        />
      )}
      {body}
      <VisuallyHidden id={helpId}>{t(canMove ? 'board.card.help' : 'board.card.helpReadOnly')}</VisuallyHidden>
      {point && previewDeal && !drag?.dropped && (
        <Portal>
          <div
            ref={preview}
            className="crm-pb-preview"
            style={{
              width: point.width,
              transform: `translate3d(${point.x - point.offsetX}px, ${point.y - point.offsetY}px, 0)`,
            }}
          >
            <DealCard
              deal={previewDeal.deal}
              context={{ ...context, names: columns.get(previewDeal.stageId)?.current?.names ?? context.names }}
              preview
            />
          </div>
        </Portal>
      )}
      <Suspense>
        {moves.lostPrompt && (
          <LostReasonDialog prompt={moves.lostPrompt} stages={stages} onResolve={moves.resolveLost} />
        )}
        {moves.conflict && (
          <ConflictDialog
            conflict={moves.conflict}
            label={(key) => t(key === 'stageId' ? 'board.field.stage' : 'board.field.lostReason')}
            show={(key, value) =>
              key === 'stageId' ? (stages.find((s) => s.id === value)?.name ?? String(value)) : String(value ?? '')
            }
          />
        )}
      </Suspense>
    </CrmRoot>
  );
}
