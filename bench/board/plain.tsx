/**
 * The benchmark's baseline: a board built the naive way from the same cards as `PipelineBoard` — every deal of the
 * pipeline loaded (pages of 200), every card rendered in normal flow (no virtualization), drop positions found by
 * measuring the rendered cards, moves applied to local state. The same pointer-drag controller and keyboard keys, so
 * the two boards differ in what a board renders, not in how it listens.
 */
import type { RecordOf } from '@crmkit/client';
import { type BoardPosition, useCrm, useFormat, useSchema } from '@crmkit/react';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useT } from '../../packages/ui/src/context/i18n.js';
import { CrmRoot } from '../../packages/ui/src/primitives/CrmRoot.js';
import type { CardContext } from '../../packages/ui/src/widgets/pipeline-board/column/card-context.js';
import { DealCard } from '../../packages/ui/src/widgets/pipeline-board/column/DealCard.js';
import type { BoardStage } from '../../packages/ui/src/widgets/pipeline-board/column/deal-facts.js';
import { useNames } from '../../packages/ui/src/widgets/pipeline-board/column/useNames.js';
import { MoveMenu } from '../../packages/ui/src/widgets/pipeline-board/extras/lazy.js';
import { useBoardDrag } from '../../packages/ui/src/widgets/pipeline-board/moves/useBoardDrag.js';
import { useUsers } from '../../packages/ui/src/widgets/shared/lists/useUsers.js';

type Deal = RecordOf<'deals'>;

export function PlainBoard({ pipelineId }: { pipelineId: string }) {
  const { client, locale } = useCrm();
  const t = useT();
  const f = useFormat();
  const schema = useSchema().data;
  const stages = (schema?.pipelines.find((p) => p.id === pipelineId)?.stages ?? []) as BoardStage[];
  const [columns, setColumns] = useState<Map<string, Deal[]> | null>(null);
  useEffect(() => {
    if (!stages.length) return;
    let live = true;
    void Promise.all(
      stages.map(async (s) => {
        const deals: Deal[] = [];
        for await (const d of client.deals.iterate({
          filter: { pipelineId, stageId: s.id },
          sort: 'rank',
          limit: 200,
        })) {
          deals.push(d);
        }
        return [s.id, deals] as const;
      }),
    ).then((entries) => live && setColumns(new Map(entries)));
    return () => {
      live = false;
    };
  }, [client, pipelineId, stages]);

  const all = useMemo(() => [...(columns?.values() ?? [])].flat(), [columns]);
  const names = useNames({ companies: all.map((d) => d.companyId), contacts: [] });
  const owners = useUsers();
  const helpId = useId();
  const context = useMemo<CardContext>(
    () => ({
      t,
      f,
      locale,
      now: Date.now(),
      today: f.dayKey(new Date()),
      stages,
      owners: owners.names,
      names,
      cardFields: [],
      canMove: true,
      helpId,
      onMoveTo: () => {},
      MoveMenu,
    }),
    [t, f, locale, stages, owners.names, names, helpId],
  );

  // ── Moves ──────────────────────────────────────────────────────────────────────────────────────────────────
  const [drag, setDrag] = useState<{ dealId: string; target: BoardPosition } | null>(null);
  const dragRef = useRef(drag);
  dragRef.current = drag;
  const board = useRef<HTMLElement>(null);
  const preview = useRef<HTMLDivElement>(null);
  const move = (dealId: string, target: BoardPosition) => {
    if (!columns) return;
    const next = new Map([...columns].map(([k, v]) => [k, v.filter((d) => d.id !== dealId)]));
    const deal = all.find((d) => d.id === dealId)!;
    const into = next.get(target.stageId)!;
    into.splice(target.index, 0, { ...deal, stageId: target.stageId });
    setColumns(next);
    setDrag(null);
    void client.deals.move(dealId, {
      stageId: target.stageId,
      afterId: into[target.index - 1]?.id ?? null,
      beforeId: into[target.index + 1]?.id ?? null,
    });
  };
  const { onPointerDown } = useBoardDrag(
    board,
    preview,
    {
      // The naive way: measure every rendered card of the column under the point.
      targetAt: (x, y) => {
        const column = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-pb-column]');
        if (!column) return null;
        const cards = [...column.querySelectorAll<HTMLElement>('[data-deal-id]')];
        const index = cards.filter((c) => {
          const r = c.getBoundingClientRect();
          return r.top + r.height / 2 < y;
        }).length;
        return { stageId: column.dataset.pbColumn!, index };
      },
      onStart: (dealId) => {
        const d = { dealId, target: { stageId: '', index: 0 } };
        dragRef.current = d;
        setDrag(d);
      },
      onTarget: (target) => {
        const d = dragRef.current;
        if (!d || !target) return;
        dragRef.current = { ...d, target };
        setDrag(dragRef.current);
      },
      onDrop: (target) => {
        const d = dragRef.current;
        if (d && target) move(d.dealId, target);
        else setDrag(null);
      },
      onCancel: () => setDrag(null),
    },
    true,
  );
  const onKeyDown = (e: KeyboardEvent) => {
    const card = (e.target as HTMLElement).closest<HTMLElement>('[data-deal-id]');
    if (!card || !columns) return;
    const order = stages.filter((s) => s.kind === 'open');
    if (e.key === ' ') {
      e.preventDefault();
      const d = drag;
      if (d) return move(d.dealId, d.target);
      const stageId = card.closest<HTMLElement>('[data-pb-column]')!.dataset.pbColumn!;
      const index = columns.get(stageId)!.findIndex((x) => x.id === card.dataset.dealId);
      setDrag({ dealId: card.dataset.dealId!, target: { stageId, index } });
    } else if (drag && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
      e.preventDefault();
      const at = order.findIndex((s) => s.id === drag.target.stageId);
      const next = order[at + (e.key === 'ArrowRight' ? 1 : -1)];
      if (next)
        setDrag({
          ...drag,
          target: { stageId: next.id, index: Math.min(drag.target.index, columns.get(next.id)!.length) },
        });
    } else if (e.key === 'Escape') setDrag(null);
  };

  return (
    <CrmRoot part="pipelineBoard">
      <section
        ref={board}
        aria-label="Plain board"
        className="crm-pb-columns"
        style={{ height: 760 }}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      >
        {stages.map((s) => {
          const deals = columns?.get(s.id) ?? [];
          const gap = drag?.target.stageId === s.id ? drag.target.index : -1;
          const folded = s.kind !== 'open';
          return (
            <section
              key={s.id}
              className="crm-pipeline-column crm-pb-column"
              data-pb-column={s.id}
              data-collapsed={folded || undefined}
              aria-label={s.name}
            >
              <header className="crm-pb-col-header">
                <div className="crm-pb-col-title">
                  <h3 className="crm-pb-col-name">{s.name}</h3>
                  <span className="crm-pb-col-count">{f.number(deals.length)}</span>
                </div>
              </header>
              {!folded && (
                <div className="crm-pb-scroll" data-pb-scroll="">
                  <ul>
                    {deals.map((deal, i) => (
                      <li key={deal.id} style={{ paddingBottom: 8 }}>
                        {i === gap && <div className="crm-pb-gap" style={{ position: 'static', height: 140 }} />}
                        <DealCard deal={deal} context={context} tabbable={i === 0} lifted={deal.id === drag?.dealId} />
                      </li>
                    ))}
                    {gap >= deals.length && <li className="crm-pb-gap" style={{ position: 'static', height: 140 }} />}
                  </ul>
                </div>
              )}
            </section>
          );
        })}
      </section>
      <div ref={preview} hidden />
    </CrmRoot>
  );
}
