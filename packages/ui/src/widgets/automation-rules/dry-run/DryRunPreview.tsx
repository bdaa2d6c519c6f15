import type { Schemas } from '@crmkit/client';
import { useDryRun, useFormat } from '@crmkit/react';
import { lazy, type ReactNode, Suspense, useEffect, useId } from 'react';
import { useT } from '../../../context/i18n.js';
import { Skeleton } from '../../../primitives/Skeleton.js';
import { StateView } from '../../../primitives/StateView.js';

type Rule = Schemas['AutomationRule'];

const RecordDryRun = lazy(() => import('./RecordDryRun.js'));

/** How far ahead the preview looks. */
const DAYS = 30;

/**
 * What a rule would do, nothing written (the server's dry run): over the next 30 days, who would enrol and when,
 * soonest first (asked for when it opens; "Try again" asks again); and below, for one record found by name, the steps
 * it would take (loaded lazily).
 */
export function DryRunPreview({ rule }: { rule: Rule }) {
  const t = useT();
  const f = useFormat();
  const id = useId();
  const preview = useDryRun();
  const ask = () => preview.mutate({ id: rule.id, body: { days: DAYS } });
  // Asked once, when the panel opens (it is shown on demand).
  // biome-ignore lint/correctness/useExhaustiveDependencies: once
  useEffect(ask, []);
  let body: ReactNode;
  if (preview.error) body = <StateView error={preview.error} compact onRetry={ask} />;
  else if (!preview.data) body = <Skeleton lines={2} />;
  else if (!preview.data.upcoming.length) {
    body = <StateView state="empty" compact title={t('rules.preview.none', { days: DAYS })} />;
  } else {
    body = (
      <>
        <ul className="crm-ar-runs" aria-labelledby={`${id}-title`}>
          {preview.data.upcoming.map((u) => (
            <li key={`${u.recordId}:${u.occurrence}`} className="crm-ar-run crm-ar-run-line">
              <span className="crm-ar-run-record">{u.name}</span>
              <time dateTime={u.at}>{f.dateTime(u.at, 'short')}</time>
            </li>
          ))}
        </ul>
        {preview.data.truncated && (
          <p className="crm-ar-muted">{t('rules.preview.truncated', { shown: preview.data.upcoming.length })}</p>
        )}
      </>
    );
  }
  return (
    <section className="crm-list-panel" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="crm-list-panel-title">
        {t('rules.preview.title', { days: DAYS })}
      </p>
      {body}
      <Suspense fallback={<Skeleton lines={1} />}>
        <RecordDryRun rule={rule} />
      </Suspense>
    </section>
  );
}
