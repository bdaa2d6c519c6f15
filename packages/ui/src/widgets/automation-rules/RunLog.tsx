import type { Schemas } from '@crmkit/client';
import { useAutomationRuns, useFormat, useRecord } from '@crmkit/react';
import { type ReactNode, useId, useState } from 'react';
import { useT } from '../../context/i18n.js';
import { Badge, type BadgeProps } from '../../primitives/Badge.js';
import { Button } from '../../primitives/Button.js';
import { Skeleton } from '../../primitives/Skeleton.js';
import { StateView } from '../../primitives/StateView.js';
import { FilterButtons } from '../shared/lists/FilterButtons.js';
import { LoadMore } from '../shared/lists/LoadMore.js';
import { RunSteps } from './RunSteps.js';
import { recordName } from './records/record-name.js';

type Run = Schemas['AutomationRun'];
type RunStatus = Run['status'];
type Rule = Schemas['AutomationRule'];

/** Opens a record a rule ran on (the host routes to it). */
export type OpenRunRecord = (target: { resource: Rule['resource']; id: string }, run: Run) => void;

/** The run log's outcome filter, all first. */
const OUTCOMES = ['all', 'failed', 'waiting', 'completed', 'cancelled'] as const;
type Outcome = (typeof OUTCOMES)[number];

/** The colour of each run status (its text says it too). */
export const RUN_TONES: Record<RunStatus, BadgeProps['tone']> = {
  waiting: 'primary',
  running: 'primary',
  completed: 'success',
  failed: 'danger',
  cancelled: 'neutral',
};

/** The name of the record a run is about, as {@link recordName} gives it. */
function useRecordName(run: Run): string {
  const t = useT();
  const { data } = useRecord(run.resource as Parameters<typeof useRecord>[0], run.recordId);
  return (data && recordName(run.resource, data)) || t('rules.run.record', { id: run.recordId });
}

function RunRow({ run, onOpenRecord }: { run: Run; onOpenRecord: OpenRunRecord | undefined }) {
  const t = useT();
  const f = useFormat();
  const id = useId();
  const [open, setOpen] = useState(false);
  const record = useRecordName(run);
  const date = f.dateTime(run.startedAt, 'short');
  return (
    <li className="crm-ar-run" aria-labelledby={`${id}-record`}>
      <div className="crm-ar-run-line">
        {onOpenRecord ? (
          <button
            type="button"
            id={`${id}-record`}
            className="crm-ar-link"
            onClick={() => onOpenRecord({ resource: run.resource, id: run.recordId }, run)}
          >
            {record}
          </button>
        ) : (
          <span id={`${id}-record`} className="crm-ar-run-record">
            {record}
          </span>
        )}
        <time dateTime={run.startedAt}>{date}</time>
        <Badge tone={RUN_TONES[run.status]}>{t(`rules.outcome.${run.status}`)}</Badge>
        {run.status === 'waiting' && run.nextStepAt && (
          <span className="crm-ar-muted">{t('rules.run.next', { date: f.dateTime(run.nextStepAt, 'short') })}</span>
        )}
        <Button
          size="sm"
          variant="ghost"
          className="crm-ar-expand"
          aria-expanded={open}
          aria-controls={open ? `${id}-steps` : undefined}
          aria-label={t('rules.runSteps', { record, date })}
          onClick={() => setOpen(!open)}
        >
          {t('rules.run.steps')}
        </Button>
      </div>
      {run.error && <p className="crm-ar-step-error">{run.error}</p>}
      {open && (
        <div id={`${id}-steps`}>
          <RunSteps runId={run.id} labelledBy={`${id}-record`} />
        </div>
      )}
    </li>
  );
}

/**
 * The runs of a rule, newest first, filtered by outcome: the record, when it started, its outcome (and when a waiting
 * run resumes, why a failed one failed); each opens to its steps. Runs that end arrive through the change feed.
 */
export function RunLog({
  rule,
  pageSize,
  onOpenRecord,
}: {
  rule: Rule;
  pageSize: number;
  onOpenRecord: OpenRunRecord | undefined;
}) {
  const t = useT();
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome>('all');
  const runs = useAutomationRuns({
    ruleId: rule.id,
    limit: pageSize,
    ...(outcome === 'all' ? {} : { status: outcome }),
  });
  const { items, error, isPending, refetch } = runs;
  let body: ReactNode;
  if (error && !items.length) body = <StateView error={error} compact onRetry={() => void refetch()} />;
  else if (isPending) body = <Skeleton lines={3} />;
  else if (!items.length) {
    body = <StateView state="empty" compact title={t(outcome === 'all' ? 'rules.noRuns' : 'rules.noRunsOf')} />;
  } else {
    body = (
      <ul className="crm-ar-runs" aria-labelledby={`${id}-title`}>
        {items.map((run) => (
          <RunRow key={run.id} run={run} onOpenRecord={onOpenRecord} />
        ))}
      </ul>
    );
  }
  return (
    <section className="crm-list-panel" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="crm-list-panel-title">
        {t('rules.log', { name: rule.name })}
      </p>
      <FilterButtons
        label={t('rules.outcomes')}
        options={OUTCOMES.map((o) => ({ value: o, label: t(`rules.outcome.${o}`) }))}
        value={outcome}
        onChange={setOutcome}
      />
      {body}
      <LoadMore list={runs} shown={items.length} />
    </section>
  );
}
