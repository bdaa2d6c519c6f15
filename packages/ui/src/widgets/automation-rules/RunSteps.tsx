import type { Schemas } from '@crmkit/client';
import { useFormat, useRunSteps } from '@crmkit/react';
import { useT } from '../../context/i18n.js';
import { Badge, type BadgeProps } from '../../primitives/Badge.js';
import { Skeleton } from '../../primitives/Skeleton.js';
import { StateView } from '../../primitives/StateView.js';

type StepOutcome = Schemas['AutomationRunStep']['outcome'];

const TONES: Record<StepOutcome, BadgeProps['tone']> = {
  done: 'success',
  skipped: 'neutral',
  waiting: 'primary',
  retrying: 'warning',
  failed: 'danger',
};

/** The step types the catalog names (a server may log others: shown as they are). */
const TYPES = new Set([
  'delay',
  'branch',
  'create_task',
  'assign',
  'update_field',
  'add_tag',
  'remove_tag',
  'set_lifecycle',
  'send_message',
  'notify',
  'webhook',
  'create_deal',
]);

/** What each step of a run did, in order: the step, when, its outcome and attempt, what it did or why it failed. */
export function RunSteps({ runId, labelledBy }: { runId: string; labelledBy: string }) {
  const t = useT();
  const f = useFormat();
  const { data: steps, error, isPending, refetch } = useRunSteps(runId);
  if (error) return <StateView error={error} compact onRetry={() => void refetch()} />;
  if (isPending) return <Skeleton lines={2} />;
  if (!steps.length) return <p className="crm-ar-muted">{t('rules.noSteps')}</p>;
  return (
    <ol className="crm-ar-steps" aria-labelledby={labelledBy}>
      {steps.map((step) => (
        <li key={step.id} className="crm-ar-step">
          <span className="crm-ar-step-what">
            {TYPES.has(step.type) ? t(`rules.step.type.${step.type}` as 'rules.step.type.delay') : step.type}
          </span>
          <time dateTime={step.at}>{f.dateTime(step.at, 'short')}</time>
          <Badge tone={TONES[step.outcome]}>{t(`rules.step.outcome.${step.outcome}`)}</Badge>
          {step.attempt > 1 && <span className="crm-ar-muted">{t('rules.step.attempt', { count: step.attempt })}</span>}
          {step.detail && <span className="crm-ar-step-detail">{step.detail}</span>}
          {step.error && <span className="crm-ar-step-error">{step.error}</span>}
        </li>
      ))}
    </ol>
  );
}
