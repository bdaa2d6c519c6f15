import { CrmError, PreconditionFailedError, type Schemas } from '@crmkit/client';
import { type Conflict, useCan, useSaveRule } from '@crmkit/react';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useAnnounce } from '../../../context/announce.js';
import { useT } from '../../../context/i18n.js';
import { MessagesScope } from '../../../context/scope.js';
import { ruleEditorMessages } from '../../../i18n/messages/automation-rules-editor/index.js';
import { filtersMessages } from '../../../i18n/messages/filters/index.js';
import { Button } from '../../../primitives/Button.js';
import { Dialog } from '../../../primitives/Dialog.js';
import { Select, TextField } from '../../../primitives/Field.js';
import { ConflictDialog } from '../../shared/editing/ConflictDialog.js';
import { FilterEditor } from '../../shared/filters/FilterEditor.js';
import { useFilterDraft } from '../../shared/filters/useFilterDraft.js';
import { conditionsText } from '../summary/conditions.js';
import { summarizeRule } from '../summary/summary.js';
import { useSummaryContext } from '../summary/useSummaryContext.js';
import { type Checks, ChecksContext } from './checks.js';
import { DeleteRule } from './DeleteRule.js';
import {
  ENTITY_OF_RESOURCE,
  errorsByStep,
  keyed,
  type Resource,
  type Rule,
  type StepDraft,
  stepOf,
  triggerOf,
} from './draft.js';
import { StepsEditor } from './StepsEditor.js';
import { TriggerFields } from './TriggerFields.js';
import { type Problem, stepsProblems } from './validate.js';

/** Props of {@link RuleEditor}. */
export interface RuleEditorProps {
  /** The rule to edit, or undefined for a new one. */
  rule: Rule | undefined;
  /** Called when the dialog closes: with the rule as saved, `null` when it was deleted, undefined when cancelled. */
  onClose: (result?: Rule | null) => void;
}

type Problems = Problem[];

/**
 * A rule's editor in a dialog: its name, what it runs on, its trigger, its conditions (the shared filter editor) and
 * its steps. Saves a new rule or the changes to one (a 412 opens the keep mine / take theirs prompt); the server's
 * refusals show on the field they are about. Loaded lazily with its strings.
 */
export default function RuleEditor(props: RuleEditorProps) {
  return (
    <MessagesScope part={[ruleEditorMessages, filtersMessages]} fallback={null}>
      <Editor {...props} />
    </MessagesScope>
  );
}

const RESOURCES = ['contacts', 'deals', 'leads', 'tickets'] as const;

function Editor({ rule: opened, onClose }: RuleEditorProps) {
  const t = useT();
  const id = useId();
  const announce = useAnnounce();
  const ctx = useSummaryContext();
  // The stored rule the form is based on (the one opened, or theirs after a conflict).
  const [rule, setRule] = useState(opened);
  const [name, setName] = useState(rule?.name ?? '');
  const [resource, setResource] = useState<Resource>(rule?.resource ?? 'contacts');
  const [trigger, setTrigger] = useState(rule?.trigger ?? triggerOf('event', { type: 'manual' }, 'contacts'));
  const [steps, setSteps] = useState<StepDraft[]>(() => (rule?.steps ?? []).map(keyed));
  const entity = resource === 'activities' ? undefined : ENTITY_OF_RESOURCE[resource];
  const filter = useFilterDraft(entity ?? 'contact', rule?.conditions);
  // Saved as they were until edited (the editor would regroup them); without relative dates the editor builds only
  // the contract's FilterNode (what it keeps came from the rule).
  const [conditionsEdited, setConditionsEdited] = useState(false);
  const conditions = conditionsEdited ? (filter.built.filter as Rule['conditions']) : (rule?.conditions ?? null);
  const [problems, setProblems] = useState<Problems>([]);
  const [formError, setFormError] = useState<string>();
  const [conflict, setConflict] = useState<Conflict<Rule> | null>(null);
  const saveRule = useSaveRule();
  const canDelete = useCan('delete', 'automation-rules');

  const at = (prefix: string) =>
    new Map(problems.filter((p) => p.path.startsWith(prefix)).map((p) => [p.path.slice(prefix.length), p.message]));
  const stepErrors = useMemo(() => errorsByStep(problems.map((p) => [p.path, p.message])), [problems]);
  // The checks of parts with drafts of their own (a branch's condition rows).
  const [checks] = useState<Checks>(() => new Set());

  /** Shows the stored rule in the form (theirs, after a conflict). */
  const load = (stored: Rule) => {
    setRule(stored);
    setName(stored.name);
    setResource(stored.resource);
    setTrigger(stored.trigger);
    setSteps(stored.steps.map(keyed));
    filter.reset(stored.conditions);
    setConditionsEdited(false);
    setProblems([]);
  };

  const fail = (error: unknown) => {
    const list = error instanceof CrmError ? error.errors : [];
    // The filter editor knows its rows by `filter.` paths.
    const conditionProblems = list
      .filter((p) => p.path.startsWith('conditions'))
      .map((p) => ({ ...p, path: p.path.replace(/^conditions/, 'filter') }));
    const rest = filter.report(
      conditionProblems.length ? Object.create(error as object, { errors: { value: conditionProblems } }) : null,
    );
    setProblems(list.filter((p) => !p.path.startsWith('conditions')));
    const general = list.filter((p) => !p.path || p.path === 'resource');
    const fallback = list.length || !(error instanceof Error) ? [] : [error.message];
    setFormError([t('ruleEditor.notSaved'), ...rest, ...general.map((p) => p.message), ...fallback].join(' '));
  };

  const send = (body: Schemas['AutomationRuleCreate'], base: Rule | undefined) =>
    saveRule.mutate(base ? { id: base.id, body, ifVersion: base.version } : { body }, {
      onSuccess: (saved) => {
        announce(t('ruleEditor.saved', { name: saved.name }));
        onClose(saved);
      },
      onError: (error) => {
        const theirs = error instanceof PreconditionFailedError ? (error.current as Rule | undefined) : undefined;
        if (!theirs) return fail(error);
        setConflict({
          mine: body,
          theirs,
          base,
          keepMine: () => {
            setConflict(null);
            send(body, theirs);
          },
          takeTheirs: () => {
            setConflict(null);
            load(theirs);
          },
        });
      },
    });

  const save = (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const local: Problems = [];
    if (!name.trim()) local.push({ path: 'name', message: t('ruleEditor.nameRequired') });
    if (!steps.length) local.push({ path: 'steps', message: t('ruleEditor.needsStep') });
    const built = steps.map(stepOf);
    local.push(...stepsProblems(built, 'steps', t));
    setProblems(local);
    // Every check runs (each marks its own rows), then any incomplete part stops the save.
    const incomplete = [entity ? filter.showIncomplete() : false, ...[...checks].map((check) => check())];
    if (local.length || incomplete.some(Boolean)) {
      setFormError(t('ruleEditor.fixFirst'));
      return;
    }
    const body: Schemas['AutomationRuleCreate'] = {
      name: name.trim(),
      resource,
      trigger,
      conditions,
      steps: built,
    };
    send(body, rule);
  };

  const general = at('').get('steps');
  return (
    <>
      <Dialog
        open
        size="lg"
        onOpenChange={() => onClose()}
        title={rule ? t('ruleEditor.editTitle', { name: rule.name }) : t('ruleEditor.newTitle')}
        footer={
          <>
            {rule && canDelete && <DeleteRule rule={rule} onDeleted={() => onClose(null)} />}
            <Button onClick={() => onClose()}>{t('action.cancel')}</Button>
            <Button type="submit" form={`${id}-form`} variant="primary" loading={saveRule.isPending}>
              {t('ruleEditor.save')}
            </Button>
          </>
        }
      >
        <ChecksContext.Provider value={checks}>
          <form id={`${id}-form`} className="crm-are-form" onSubmit={save} noValidate>
            <TextField
              label={t('ruleEditor.name')}
              required
              maxLength={200}
              value={name}
              error={at('').get('name')}
              onChange={(e) => setName(e.target.value)}
            />
            <Select
              label={t('ruleEditor.resource')}
              options={(resource === 'activities' ? [...RESOURCES, resource] : RESOURCES).map((r) => ({
                value: r,
                label: t(`ruleEditor.resource.${r}`),
              }))}
              value={resource}
              error={at('').get('resource')}
              onChange={(e) => {
                const next = e.target.value as Resource;
                setResource(next);
                setTrigger(trigger.type === 'event' ? triggerOf('event', { type: 'manual' }, next) : trigger);
                filter.reset(null);
                setConditionsEdited(true);
              }}
            />
            <TriggerFields
              resource={resource}
              value={trigger}
              onChange={setTrigger}
              errors={at('trigger.')}
              ctx={ctx}
            />
            <div className="crm-are-conditions">
              <p className="crm-are-legend">{t('ruleEditor.conditions')}</p>
              {entity && filter.draft ? (
                <FilterEditor
                  entity={entity}
                  relativeDates={false}
                  label={t('ruleEditor.conditions')}
                  value={filter.draft}
                  onChange={(draft) => {
                    filter.setDraft(draft);
                    setConditionsEdited(true);
                  }}
                  errors={filter.errors}
                />
              ) : (
                rule?.conditions && <p>{conditionsText(resource, rule.conditions, ctx)}</p>
              )}
            </div>
            <StepsEditor resource={resource} value={steps} onChange={setSteps} errors={stepErrors} error={general} />
            <p className="crm-are-summary">
              {t('ruleEditor.inWords')}{' '}
              {summarizeRule({ resource, trigger, conditions, steps: steps.map(stepOf) }, ctx)}
            </p>
            {formError && (
              <p role="alert" className="crm-are-error">
                {formError}
              </p>
            )}
          </form>
        </ChecksContext.Provider>
      </Dialog>
      {conflict && (
        <ConflictDialog
          conflict={conflict}
          label={(key) => t(`ruleEditor.field.${key as 'name'}`)}
          show={(key, value) => {
            const theirs = conflict.theirs;
            if (key === 'name' || key === 'resource') return String(value);
            return summarizeRule({ ...theirs, [key]: value }, ctx);
          }}
        />
      )}
    </>
  );
}
