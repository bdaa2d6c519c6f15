import { CrmError, PreconditionFailedError, type RecordOf } from '@crmkit/client';
import { dealInStage, weightedAmount } from '@crmkit/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { echoOf, trackWrite, writeKey } from './echoes.js';
import { invalidateAfterChange } from './invalidate.js';
import { crmKeys } from './keys.js';
import type { Conflict } from './mutations.js';
import { restore, snapshot } from './optimistic.js';
import { insertAt, moveInAggregates, type Neighbours, placeByRank } from './placement.js';
import { useCrm } from './provider.js';
import { useCapabilities, useSchema } from './queries.js';
import { cachedRecord, editLists, putRecord } from './records.js';

type Deal = RecordOf<'deals'>;

/** Variables of {@link useMoveDeal}. */
export interface MoveVariables extends Neighbours {
  id: string;
  stageId: string;
  /** Why the deal was lost: the server requires one when `stageId` is a lost stage. */
  lostReason?: string | null;
  /** The version the user saw; default: the cached deal's (when the server has ETags). */
  ifVersion?: number;
}

/** What a move changes, as a conflict shows it next to the stored deal. */
export type MoveFields = Pick<MoveVariables, 'stageId' | 'lostReason'>;

/** A client error the server answered (4xx): nothing was written, so the rollback is the truth. */
const refused = (error: unknown) => error instanceof CrmError && !!error.status && error.status < 500;

/**
 * Moves a deal to a stage and position, optimistically: it leaves its old stage's list, appears between its new
 * neighbours, takes the stage's status and default probability (unless overridden: `dealInStage` of @crmkit/core),
 * and the stage totals follow at once; all of
 * it is put back exactly if the server refuses (`error` then carries the server's reason). A move that lost a race —
 * someone moved or edited the deal since it was read (412) — becomes `conflict`: `keepMine()` moves it again on top
 * of their change, `takeTheirs()` keeps theirs. The server's answer places the deal by its rank in every stage list
 * without refetching them, and the move's own echo in the change feed refetches nothing.
 *
 * @example
 * const { move, conflict, error } = useMoveDeal();
 * move({ id: deal.id, stageId: won.id, afterId: lastWonDeal?.id ?? null });
 */
export function useMoveDeal() {
  const { client, now } = useCrm();
  const queryClient = useQueryClient();
  const schema = useSchema().data;
  const etags = useCapabilities()?.etags !== false;
  const [conflict, setConflict] = useState<Conflict<Deal> | null>(null);
  const mutation = useMutation({
    mutationFn: ({ id, ifVersion, ...body }: MoveVariables) => client.deals.move(id, body, { ifVersion }),
    onMutate: async (vars) => {
      setConflict(null);
      const settle = trackWrite(queryClient, [writeKey('deals', vars.id)]);
      const saved = await snapshot(queryClient, [crmKeys.resource('deals')]);
      const deal = cachedRecord<Deal>(queryClient, 'deals', vars.id);
      if (deal) {
        const stage = schema?.pipelines.flatMap((p) => p.stages).find((s) => s.id === vars.stageId);
        const inStage = stage ? dealInStage(stage, deal, now().toISOString()) : { stageId: vars.stageId };
        const moved: Deal = {
          ...deal,
          ...inStage,
          ...(vars.lostReason !== undefined ? { lostReason: vars.lostReason } : {}),
        };
        moved.weightedAmount = weightedAmount(moved.amount, moved.probability);
        queryClient.setQueryData(crmKeys.record('deals', deal.id), moved);
        editLists<Deal>(queryClient, 'deals', (items, query) => {
          const f = (query.filter ?? {}) as { stageId?: unknown; pipelineId?: unknown };
          const inTarget = f.stageId === undefined || f.stageId === vars.stageId;
          const inPipeline = f.pipelineId === undefined || f.pipelineId === deal.pipelineId;
          if (!inTarget || !inPipeline) return items.filter((d) => d.id !== deal.id);
          if (f.stageId === vars.stageId && query.sort === 'rank') return insertAt(items, moved, vars);
          return items.map((d) => (d.id === deal.id ? moved : d));
        });
        moveInAggregates(queryClient, deal, moved);
      }
      return { saved, settle, deal };
    },
    onError: (error, vars, context) => {
      restore(queryClient, context?.saved);
      context?.settle();
      if (error instanceof PreconditionFailedError && error.current) {
        const theirs = error.current as Deal;
        putRecord(queryClient, 'deals', theirs);
        placeByRank(queryClient, theirs);
        const mine: MoveFields = { stageId: vars.stageId, ...(vars.lostReason ? { lostReason: vars.lostReason } : {}) };
        setConflict({
          mine,
          theirs,
          base: context?.deal,
          keepMine: () => {
            setConflict(null);
            mutation.mutate({ ...vars, ifVersion: theirs.version });
          },
          takeTheirs: () => setConflict(null),
        });
      }
    },
    onSuccess: (deal, _vars, context) => {
      context.settle([echoOf('deals', deal.id, deal.version)]);
      putRecord(queryClient, 'deals', deal);
      placeByRank(queryClient, deal);
    },
    onSettled: (_deal, error) => {
      // A refusal wrote nothing (the rollback is exact); a conflict or an unknown outcome may have changed more.
      if (refused(error) && !(error instanceof PreconditionFailedError)) return;
      invalidateAfterChange(queryClient, 'deals', { membership: true, exactRankLists: !error || refused(error) });
    },
  });
  const { mutate } = mutation;
  const move = useCallback(
    (vars: MoveVariables, callbacks?: Parameters<typeof mutate>[1]) =>
      mutate(
        {
          ...vars,
          ifVersion: vars.ifVersion ?? (etags ? cachedRecord<Deal>(queryClient, 'deals', vars.id)?.version : undefined),
        },
        callbacks,
      ),
    [mutate, etags, queryClient],
  );
  return { ...mutation, move, conflict };
}
