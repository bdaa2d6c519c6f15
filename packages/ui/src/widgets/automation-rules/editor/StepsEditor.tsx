import { useEffect, useId, useRef, useState } from 'react';
import { useAnnounce } from '../../../context/announce.js';
import { useT } from '../../../context/i18n.js';
import { Button } from '../../../primitives/Button.js';
import { Select } from '../../../primitives/Field.js';
import { IconButton } from '../../../primitives/IconButton.js';
import * as icons from '../../../primitives/icons.js';
import { BranchFields } from './BranchFields.js';
import { keyed, newStep, type Resource, STEP_KINDS, type StepDraft, type StepKind } from './draft.js';
import { StepFields } from './StepFields.js';

/** Props of {@link StepsEditor}. */
export interface StepsEditorProps {
  resource: Resource;
  value: StepDraft[];
  onChange: (next: StepDraft[]) => void;
  /** The server's messages by step index, then by the step's field. */
  errors: ReadonlyMap<number, ReadonlyMap<string, string>>;
  /** A message about the steps as a whole (none, too many). */
  error?: string;
  /** The list's name: "Steps", or a branch's "If yes" / "If no". */
  label?: string;
  /** How many branches the list is inside (the server allows 3). */
  depth?: number;
}

/** Branches nest at most this deep (the server's limit). */
const MAX_BRANCH_DEPTH = 3;

const NO_ERRORS: ReadonlyMap<string, string> = new Map();

/**
 * Steps in order: each with its fields by kind (a branch holds a condition and two lists of steps, edited by this same
 * editor), a remove button and Move up / Move down buttons; below, the kind of step to add. Focus stays with a moved
 * step's button, and goes to the next step (else this list's "Add step") after a removal.
 */
export function StepsEditor({ resource, value, onChange, errors, error, label, depth = 0 }: StepsEditorProps) {
  const t = useT();
  const announce = useAnnounce();
  const listId = useId();
  const [kind, setKind] = useState<StepKind>('delay');
  const kinds = depth < MAX_BRANCH_DEPTH ? STEP_KINDS : STEP_KINDS.filter((k) => k !== 'branch');
  const name = label ?? t('ruleEditor.steps');
  const root = useRef<HTMLDivElement>(null);
  const focus = useRef<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: after each change of the list
  useEffect(() => {
    const selector = focus.current;
    focus.current = null;
    if (selector) root.current?.querySelector<HTMLElement>(selector)?.focus();
  }, [value]);

  const move = (i: number, by: -1 | 1) => {
    const next = [...value];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    // At the top or bottom the pressed button goes away: focus its twin.
    const edge = i + by === 0 || i + by === next.length - 1;
    const dir = edge ? (by < 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down';
    focus.current = `[data-step="${item!.key}"] [data-move="${dir}"]`;
    onChange(next);
    announce(t('ruleEditor.moved', { n: i + by + 1 }));
  };
  const remove = (i: number) => {
    const next = value.filter((_, j) => j !== i);
    const after = next[i] ?? next[i - 1];
    focus.current = after ? `[data-step="${after.key}"] [data-step-remove]` : `[data-step-add="${listId}"]`;
    onChange(next);
    announce(t('ruleEditor.removed', { n: i + 1 }));
  };
  const add = () => {
    const item = keyed(newStep(kind));
    focus.current = `[data-step="${item.key}"] input, [data-step="${item.key}"] select, [data-step="${item.key}"] textarea`;
    onChange([...value, item]);
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a named group holding a list; a fieldset's legend would sit oddly
    <div ref={root} role="group" aria-label={name} className={depth ? 'crm-are-steps crm-are-nested' : 'crm-are-steps'}>
      <p className={depth ? 'crm-are-sublegend' : 'crm-are-legend'}>{name}</p>
      {value.length === 0 ? (
        <p className="crm-are-empty">{t('ruleEditor.noSteps')}</p>
      ) : (
        <ol className="crm-are-step-list">
          {value.map((item, i) => {
            const stepName = t('ruleEditor.step', { n: i + 1, kind: t(`ruleEditor.kind.${item.step.type}`) });
            const change = (next: StepDraft) => onChange(value.map((v, j) => (j === i ? next : v)));
            const stepErrors = errors.get(i) ?? NO_ERRORS;
            return (
              <li key={item.key} data-step={item.key} className="crm-are-step">
                {/* biome-ignore lint/a11y/useSemanticElements: see above */}
                <div role="group" aria-label={stepName} className="crm-are-step-body">
                  <div className="crm-are-step-head">
                    <p className="crm-are-step-name">{stepName}</p>
                    <span className="crm-are-step-actions">
                      {i > 0 && (
                        <IconButton
                          size="sm"
                          icon={icons.chevronUp}
                          data-move="up"
                          aria-label={t('ruleEditor.moveUp', { n: i + 1 })}
                          onClick={() => move(i, -1)}
                        />
                      )}
                      {i < value.length - 1 && (
                        <IconButton
                          size="sm"
                          icon={icons.chevronDown}
                          data-move="down"
                          aria-label={t('ruleEditor.moveDown', { n: i + 1 })}
                          onClick={() => move(i, 1)}
                        />
                      )}
                      <IconButton
                        size="sm"
                        icon={icons.trash}
                        data-step-remove
                        aria-label={t('ruleEditor.removeStep', { n: i + 1 })}
                        onClick={() => remove(i)}
                      />
                    </span>
                  </div>
                  <div className="crm-are-step-fields">
                    {item.step.type === 'branch' ? (
                      <BranchFields
                        resource={resource}
                        item={item}
                        errors={stepErrors}
                        onChange={change}
                        renderList={(list) => (
                          <StepsEditor
                            key={list.which}
                            resource={resource}
                            value={list.items}
                            onChange={list.onChange}
                            errors={list.errors}
                            label={t(`ruleEditor.branch.${list.which}`)}
                            depth={depth + 1}
                          />
                        )}
                      />
                    ) : (
                      <StepFields
                        resource={resource}
                        step={item.step}
                        errors={stepErrors}
                        onChange={(step) => change({ ...item, step })}
                      />
                    )}
                  </div>
                  {(stepErrors.get('') ?? stepErrors.get('type')) && (
                    <p className="crm-are-error" role="alert">
                      {stepErrors.get('') ?? stepErrors.get('type')}
                    </p>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {error && (
        <p className="crm-are-error" role="alert">
          {error}
        </p>
      )}
      <div className="crm-are-add">
        <Select
          label={t('ruleEditor.newStepKind')}
          options={kinds.map((k) => ({ value: k, label: t(`ruleEditor.kind.${k}`) }))}
          value={kind}
          onChange={(e) => setKind(e.target.value as StepKind)}
        />
        <Button size="sm" icon={icons.plus} data-step-add={listId} onClick={add}>
          {t('ruleEditor.addStep')}
        </Button>
      </div>
    </div>
  );
}
