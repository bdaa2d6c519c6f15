import type { Schemas } from '@crmkit/client';
import { useAutomationRuns, useFormat } from '@crmkit/react';
import { lazy, Suspense, useId, useRef, useState } from 'react';
import { useT } from '../../context/i18n.js';
import { Badge } from '../../primitives/Badge.js';
import { Button } from '../../primitives/Button.js';
import { Icon } from '../../primitives/Icon.js';
import * as icons from '../../primitives/icons.js';
import { Switch } from '../shared/lists/Switch.js';
import { DryRunPreview } from './dry-run/DryRunPreview.js';
import { type OpenRunRecord, RUN_TONES, RunLog } from './RunLog.js';

type Rule = Schemas['AutomationRule'];

/** "Run now" for a rule run by hand, loaded with its strings when first opened. */
const RunRuleDialog = lazy(() => import('./run/RunRuleDialog.js'));

/** Props of {@link RuleRow}. */
export interface RuleRowProps {
  rule: Rule;
  /** The rule in words (see `summary/summary.ts`). */
  summary: string;
  /** The user may switch the rule on and off and run it by hand (else its state is shown as text). */
  canWrite: boolean;
  onToggle: (rule: Rule, enabled: boolean) => void;
  /** Opens the rule in the editor (shown to those who may change rules). */
  onEdit: (rule: Rule) => void;
  pageSize: number;
  onOpenRecord: OpenRunRecord | undefined;
}

/** When the rule last ran and how that run went (the newest run, asked for only when there is one). */
function LastRun({ rule }: { rule: Rule }) {
  const t = useT();
  const f = useFormat();
  const hasRun = rule.stats.runs > 0;
  const { items } = useAutomationRuns({ ruleId: rule.id, limit: 1 }, { enabled: hasRun });
  const last = items[0];
  if (!hasRun || !rule.stats.lastRunAt) return <span>{t('rules.neverRun')}</span>;
  const at = last?.startedAt ?? rule.stats.lastRunAt;
  return (
    <span>
      <Icon icon={icons.clock} />
      <time dateTime={at}>{t('rules.lastRun', { date: f.relative(at) })}</time>
      {last && <Badge tone={RUN_TONES[last.status]}>{t(`rules.outcome.${last.status}`)}</Badge>}
    </span>
  );
}

/**
 * One rule: its name, an on / off switch (for those who may change rules), the rule in words, when it last ran and
 * how, its run and failure counts, and its run log, opened on demand.
 */
export function RuleRow({ rule, summary, canWrite, onToggle, onEdit, pageSize, onOpenRecord }: RuleRowProps) {
  const t = useT();
  const id = useId();
  const [log, setLog] = useState(false);
  const [preview, setPreview] = useState(false);
  const [running, setRunning] = useState(false);
  const logButton = useRef<HTMLButtonElement>(null);
  const failures = rule.stats.failures;
  return (
    <li
      tabIndex={-1}
      className="crm-list-row crm-ar-rule"
      aria-labelledby={`${id}-name`}
      data-enabled={rule.enabled || undefined}
    >
      <div className="crm-ar-rule-head">
        <p id={`${id}-name`} className="crm-ar-name">
          {rule.name}
        </p>
        {canWrite ? (
          <Switch
            checked={rule.enabled}
            label={t('rules.enabled', { name: rule.name })}
            onChange={(on) => onToggle(rule, on)}
          />
        ) : (
          <Badge tone={rule.enabled ? 'success' : 'neutral'}>{t(rule.enabled ? 'rules.on' : 'rules.off')}</Badge>
        )}
      </div>
      <p className="crm-ar-summary">{summary}</p>
      <p className="crm-list-meta crm-ar-meta">
        <LastRun rule={rule} />
        <span>{t('rules.runs', { count: rule.stats.runs })}</span>
        {failures > 0 ? (
          <Badge tone="danger" icon={icons.alert}>
            {t('rules.failures', { count: failures })}
          </Badge>
        ) : (
          <span>{t('rules.failures', { count: 0 })}</span>
        )}
        {canWrite && (
          <Button
            size="sm"
            variant="ghost"
            icon={icons.pencil}
            aria-label={t('rules.edit', { name: rule.name })}
            onClick={() => onEdit(rule)}
          >
            {t('rules.editButton')}
          </Button>
        )}
        {canWrite && rule.trigger.type === 'manual' && (
          <Button
            size="sm"
            variant="ghost"
            aria-haspopup="dialog"
            aria-label={t('rules.runNow', { name: rule.name })}
            onClick={() => setRunning(true)}
          >
            {t('rules.runNowButton')}
          </Button>
        )}
        <Button
          size="sm"
          variant="ghost"
          className="crm-ar-expand"
          aria-expanded={preview}
          aria-controls={preview ? `${id}-preview` : undefined}
          aria-label={t('rules.showPreview', { name: rule.name })}
          iconEnd={preview ? icons.chevronUp : icons.chevronDown}
          onClick={() => setPreview(!preview)}
        >
          {t('rules.preview')}
        </Button>
        <Button
          ref={logButton}
          size="sm"
          variant="ghost"
          aria-expanded={log}
          aria-controls={log ? `${id}-log` : undefined}
          aria-label={t('rules.showLog', { name: rule.name })}
          iconEnd={log ? icons.chevronUp : icons.chevronDown}
          onClick={() => setLog(!log)}
        >
          {t('rules.logButton')}
        </Button>
      </p>
      {running && (
        <Suspense fallback={null}>
          <RunRuleDialog
            rule={rule}
            onClose={() => setRunning(false)}
            onShowLog={() => {
              setRunning(false);
              setLog(true);
              // After the dialog gives focus back to "Run now": on to the log's button, the log below it.
              requestAnimationFrame(() => logButton.current?.focus());
            }}
          />
        </Suspense>
      )}
      {preview && (
        <div id={`${id}-preview`}>
          <DryRunPreview rule={rule} />
        </div>
      )}
      {log && (
        <div id={`${id}-log`}>
          <RunLog rule={rule} pageSize={pageSize} onOpenRecord={onOpenRecord} />
        </div>
      )}
    </li>
  );
}
