import type { Schemas } from '@crmkit/client';
import { useRunRule } from '@crmkit/react';
import { useId, useRef, useState } from 'react';
import { useT } from '../../../context/i18n.js';
import { useEntityLabel } from '../../../context/labels.js';
import { MessagesScope } from '../../../context/scope.js';
import { ruleRunMessages } from '../../../i18n/messages/automation-rules-run/index.js';
import { Button } from '../../../primitives/Button.js';
import { Dialog } from '../../../primitives/Dialog.js';
import { IconButton } from '../../../primitives/IconButton.js';
import * as icons from '../../../primitives/icons.js';
import { StateView } from '../../../primitives/StateView.js';
import { ENTITY_OF_RESOURCE } from '../records/entity.js';
import { ChooseRecords, type Chosen } from './ChooseRecords.js';

type Rule = Schemas['AutomationRule'];

/** The most records one manual run takes (the contract's `AutomationManualRun.recordIds`). */
const MAX = 100;

/** Props of {@link RunRuleDialog}. */
export interface RunRuleDialogProps {
  rule: Rule;
  onClose: () => void;
  /** Shows the rule's run log (the dialog closes). */
  onShowLog: () => void;
}

/**
 * "Run now" for a rule run by hand: choose its records — by name, or a saved segment's members — then run it on them
 * (the server enrols those that meet the conditions; one click runs once, even if sent again). Then it says for whom
 * it started and for whom not, with a way to the run log. Loaded lazily with its strings.
 */
export default function RunRuleDialog(props: RunRuleDialogProps) {
  return (
    <MessagesScope part={ruleRunMessages} fallback={null}>
      <RunDialog {...props} />
    </MessagesScope>
  );
}

function RunDialog({ rule, onClose, onShowLog }: RunRuleDialogProps) {
  const t = useT();
  const id = useId();
  const entity = rule.resource === 'activities' ? 'activity' : ENTITY_OF_RESOURCE[rule.resource];
  const noun = useEntityLabel(entity, 'singular');
  const nouns = useEntityLabel(entity, 'plural');
  const [chosen, setChosen] = useState<Chosen>(new Map());
  const [missing, setMissing] = useState(false);
  const run = useRunRule();
  // One occurrence per dialog: a retry after a lost answer enrols nobody twice.
  const occurrence = useRef(`ui-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`).current;
  const add = (records: { id: string; name: string }[]) => {
    setMissing(false);
    setChosen((before) => {
      const next = new Map(before);
      for (const r of records) if (next.size < MAX) next.set(r.id, r.name);
      return next;
    });
  };
  const remove = (recordId: string) =>
    setChosen((before) => {
      const next = new Map(before);
      next.delete(recordId);
      return next;
    });
  const submit = () => {
    if (!chosen.size) return setMissing(true);
    run.mutate({ id: rule.id, body: { recordIds: [...chosen.keys()], occurrence } });
  };
  const done = run.data;
  const footer = done ? (
    <>
      <Button onClick={onClose}>{t('action.done')}</Button>
      <Button variant="primary" onClick={onShowLog}>
        {t('ruleRun.openLog')}
      </Button>
    </>
  ) : (
    <>
      <Button onClick={onClose}>{t('action.cancel')}</Button>
      <Button variant="primary" loading={run.isPending} onClick={submit}>
        {t('ruleRun.run')}
      </Button>
    </>
  );
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t('ruleRun.title', { name: rule.name })}
      description={done ? undefined : t('ruleRun.description', { max: MAX, nouns: nouns.toLocaleLowerCase() })}
      footer={footer}
    >
      {done ? (
        <Outcome runs={done.runs} chosen={chosen} />
      ) : (
        <>
          <ChooseRecords
            rule={rule}
            chosen={chosen}
            onAdd={add}
            onRemove={remove}
            max={MAX}
            noun={noun}
            nouns={nouns}
          />
          <p id={`${id}-chosen`} className="crm-list-panel-title" aria-live="polite">
            {t('ruleRun.chosen', { count: chosen.size })}
          </p>
          {chosen.size > 0 && (
            <ul className="crm-ar-chosen" aria-labelledby={`${id}-chosen`}>
              {[...chosen].map(([recordId, name]) => (
                <li key={recordId}>
                  <span>{name}</span>
                  <IconButton
                    icon={icons.x}
                    size="sm"
                    aria-label={t('ruleRun.remove', { name })}
                    onClick={() => remove(recordId)}
                  />
                </li>
              ))}
            </ul>
          )}
          {missing && (
            <p role="alert" className="crm-ar-error">
              {t('ruleRun.none', { noun: noun.toLocaleLowerCase() })}
            </p>
          )}
          {run.error && <StateView error={run.error} compact onRetry={submit} />}
        </>
      )}
    </Dialog>
  );
}

/** For whom the run started and for whom not (the names as chosen). */
function Outcome({ runs, chosen }: { runs: Schemas['AutomationManualRunResult']['runs']; chosen: Chosen }) {
  const t = useT();
  const id = useId();
  const started = runs.filter((r) => r.enrolled);
  const skipped = runs.filter((r) => !r.enrolled);
  const names = (list: typeof runs) =>
    list.map((r) => <li key={r.recordId}>{chosen.get(r.recordId) ?? r.recordId}</li>);
  return (
    <div className="crm-ar-run-outcome" role="status">
      <p id={`${id}-started`}>{t('ruleRun.started', { count: started.length })}</p>
      {started.length > 0 && <ul aria-labelledby={`${id}-started`}>{names(started)}</ul>}
      {skipped.length > 0 && (
        <>
          <p id={`${id}-skipped`}>{t('ruleRun.skipped', { count: skipped.length })}</p>
          <ul aria-labelledby={`${id}-skipped`}>{names(skipped)}</ul>
        </>
      )}
    </div>
  );
}
