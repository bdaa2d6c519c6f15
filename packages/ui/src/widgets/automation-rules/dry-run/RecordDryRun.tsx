import type { Schemas } from '@crmkit/client';
import { useDryRun, useFormat, useList } from '@crmkit/react';
import { useId, useState } from 'react';
import { useT } from '../../../context/i18n.js';
import { useEntityLabel } from '../../../context/labels.js';
import { MessagesScope } from '../../../context/scope.js';
import { rulePreviewMessages } from '../../../i18n/messages/automation-rules-preview/index.js';
import { Button } from '../../../primitives/Button.js';
import { TextField } from '../../../primitives/Field.js';
import { Skeleton } from '../../../primitives/Skeleton.js';
import { StateView } from '../../../primitives/StateView.js';
import { useDebouncedSearch } from '../../shared/lists/useDebouncedSearch.js';
import { ENTITY_OF_RESOURCE } from '../records/entity.js';
import { recordName } from '../records/record-name.js';
import { conditionsText } from '../summary/conditions.js';
import { stepText } from '../summary/summary.js';
import { useSummaryContext } from '../summary/useSummaryContext.js';
import { dryRunSteps } from './steps.js';

type Rule = Schemas['AutomationRule'];

/** Props of {@link RecordDryRun}. */
export interface RecordDryRunProps {
  rule: Rule;
}

/**
 * "What would this rule do for …": find a record of the rule's kind by name, then the server's dry run for it —
 * whether it meets the conditions, and each step the rule would take for it now, with when (waits computed, each
 * branch decided on the record as it is). Nothing is written. Loaded lazily with its strings.
 */
export default function RecordDryRun(props: RecordDryRunProps) {
  return (
    <MessagesScope part={rulePreviewMessages} fallback={<Skeleton lines={1} />}>
      <Picker {...props} />
    </MessagesScope>
  );
}

function Picker({ rule }: RecordDryRunProps) {
  const t = useT();
  const id = useId();
  const entity = rule.resource === 'activities' ? undefined : ENTITY_OF_RESOURCE[rule.resource];
  const noun = useEntityLabel(entity ?? 'contact', 'singular');
  const [search, setSearch] = useState('');
  const [query, setQuery] = useDebouncedSearch(search, setSearch);
  const found = useList(rule.resource, { q: search.trim(), limit: 5 }, { enabled: search.trim().length > 0 });
  const [chosen, setChosen] = useState<{ id: string; name: string }>();
  const dryRun = useDryRun();
  const choose = (record: { id: string; name: string }) => {
    setChosen(record);
    dryRun.mutate({ id: rule.id, body: { recordId: record.id } });
  };
  return (
    <section className="crm-ar-try" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="crm-list-panel-title">
        {t('rulePreview.title', { noun: noun.toLocaleLowerCase() })}
      </p>
      <TextField
        label={t('rulePreview.find', { noun: noun.toLocaleLowerCase() })}
        type="search"
        maxLength={200}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {search.trim() &&
        (found.isPending ? (
          <Skeleton lines={1} />
        ) : found.items.length === 0 ? (
          <p className="crm-ar-muted">{t('rulePreview.noMatch')}</p>
        ) : (
          <ul className="crm-ar-try-found" aria-label={t('rulePreview.found')}>
            {found.items.map((r) => {
              const name = recordName(rule.resource, r) || r.id;
              return (
                <li key={r.id}>
                  <Button
                    size="sm"
                    variant={chosen?.id === r.id ? 'secondary' : 'ghost'}
                    aria-pressed={chosen?.id === r.id}
                    onClick={() => choose({ id: r.id, name })}
                  >
                    {name}
                  </Button>
                </li>
              );
            })}
          </ul>
        ))}
      {chosen && (
        <Outcome
          rule={rule}
          name={chosen.name}
          result={dryRun}
          onRetry={() => dryRun.mutate({ id: rule.id, body: { recordId: chosen.id } })}
        />
      )}
    </section>
  );
}

/** The dry run's answer for the chosen record: whether it would enrol, and the steps with their times. */
function Outcome({
  rule,
  name,
  result,
  onRetry,
}: {
  rule: Rule;
  name: string;
  result: ReturnType<typeof useDryRun>;
  onRetry: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const ctx = useSummaryContext();
  const id = useId();
  if (result.error) return <StateView error={result.error} compact onRetry={onRetry} />;
  if (!result.data || result.isPending) return <Skeleton lines={2} />;
  const steps = dryRunSteps(rule.steps, result.data.steps);
  return (
    <div className="crm-ar-try-result" aria-live="polite">
      <p id={`${id}-verdict`}>
        {t(result.data.matches === false ? 'rulePreview.noMatchConditions' : 'rulePreview.matches', { name })}
      </p>
      <ol className="crm-ar-runs" aria-labelledby={`${id}-verdict`}>
        {steps.map(({ path, step, at, branch, depth }) => (
          <li key={path} className="crm-ar-run crm-ar-run-line" style={{ paddingInlineStart: `${depth * 1.25}rem` }}>
            <span>
              {step?.type === 'branch'
                ? t(`rulePreview.branch.${branch ?? 'unknown'}`, {
                    condition: conditionsText(rule.resource, step.if, ctx),
                  })
                : step
                  ? stepText(rule.resource, step, ctx)
                  : path}
            </span>
            <time dateTime={at}>{f.dateTime(at, 'short')}</time>
          </li>
        ))}
      </ol>
    </div>
  );
}
