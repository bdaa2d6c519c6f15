import { CrmError } from '@crmkit/client';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { useT } from '../../../context/i18n.js';
import { FilterEditor } from '../../shared/filters/FilterEditor.js';
import { useFilterDraft } from '../../shared/filters/useFilterDraft.js';
import { useCheck } from './checks.js';
import { ENTITY_OF_RESOURCE, errorsByStep, NO_CONDITION, type Resource, type Step, type StepDraft } from './draft.js';

type Branch = Extract<Step, { type: 'branch' }>;

/** What a branch needs to show one of its step lists: the steps, their errors by step, and where a change goes. */
export interface BranchList {
  which: 'yes' | 'no';
  items: StepDraft[];
  errors: ReadonlyMap<number, ReadonlyMap<string, string>>;
  onChange: (items: StepDraft[]) => void;
}

/** Props of {@link BranchFields}. */
export interface BranchFieldsProps {
  resource: Resource;
  /** The branch's draft (its condition in `step.if`, its lists in `yes` / `no`). */
  item: StepDraft;
  onChange: (item: StepDraft) => void;
  errors: ReadonlyMap<string, string>;
  /** Renders a list of steps (the editor's own steps editor: a branch's lists hold any step, branches too). */
  renderList: (list: BranchList) => ReactNode;
}

/**
 * A branch: a condition on the record's current values, built with the shared filter editor (the schema's fields,
 * custom fields included), then the steps taken when it holds ("If yes") and when it does not ("If no").
 */
export function BranchFields({ resource, item, onChange, errors, renderList }: BranchFieldsProps) {
  const t = useT();
  const step = item.step as Branch;
  const entity = resource === 'activities' ? undefined : ENTITY_OF_RESOURCE[resource];
  const filter = useFilterDraft(entity ?? 'contact', step.if === NO_CONDITION ? null : step.if);
  const edited = useRef(false);
  const latest = useRef({ item, onChange });
  latest.current = { item, onChange };

  // The built condition goes into the step once the user edits it (until then the stored one is kept as it is).
  useEffect(() => {
    if (!edited.current) return;
    const { item: current, onChange: change } = latest.current;
    const condition = (filter.built.filter as Branch['if'] | null) ?? NO_CONDITION;
    change({ ...current, step: { ...(current.step as Branch), if: condition } });
  }, [filter.built]);

  // The server's errors on the condition (`if.and.1.value`) go on their rows.
  const conditionErrors = useMemo(
    () =>
      [...errors]
        .filter(([path]) => path.startsWith('if.'))
        .map(([path, message]) => ({ path: path.replace(/^if/, 'filter'), message })),
    [errors],
  );
  const report = filter.report;
  const reportRef = useRef(report);
  reportRef.current = report;
  useEffect(() => {
    if (conditionErrors.length)
      reportRef.current(Object.create(CrmError.prototype, { errors: { value: conditionErrors } }));
  }, [conditionErrors]);
  useCheck(() => filter.showIncomplete());

  const lists = useMemo(() => ({ yes: errorsByStep(errors, 'yes'), no: errorsByStep(errors, 'no') }), [errors]);
  const conditionError = errors.get('if');
  return (
    <>
      <div className="crm-are-branch-if">
        <p className="crm-are-sublegend" aria-hidden="true">
          {t('ruleEditor.branchIf')}
        </p>
        {entity && filter.draft ? (
          <FilterEditor
            entity={entity}
            relativeDates={false}
            label={t('ruleEditor.branchIf')}
            value={filter.draft}
            onChange={(draft) => {
              edited.current = true;
              filter.setDraft(draft);
            }}
            errors={filter.errors}
          />
        ) : null}
        {conditionError && (
          <p className="crm-are-error" role="alert">
            {conditionError}
          </p>
        )}
      </div>
      {(['yes', 'no'] as const).map((which) =>
        renderList({
          which,
          items: item[which] ?? [],
          errors: lists[which],
          onChange: (items) => latest.current.onChange({ ...latest.current.item, [which]: items }),
        }),
      )}
    </>
  );
}
