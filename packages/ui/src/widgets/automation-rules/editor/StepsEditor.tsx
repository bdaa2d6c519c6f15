import { useEffect, useRef, useState } from 'react';
import { useAnnounce } from '../../../context/announce.js';
import { useT } from '../../../context/i18n.js';
import { Button } from '../../../primitives/Button.js';
import { Select } from '../../../primitives/Field.js';
import { IconButton } from '../../../primitives/IconButton.js';
import * as icons from '../../../primitives/icons.js';
import type { SummaryContext } from '../summary/summary.js';
import { stepText } from '../summary/summary.js';
import {
  EDITABLE_STEPS,
  type EditableType,
  isEditable,
  keyed,
  newStep,
  type Resource,
  type StepDraft,
} from './draft.js';
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
  ctx: SummaryContext;
}

const NO_ERRORS: ReadonlyMap<string, string> = new Map();

/**
 * The rule's steps in order: each with its fields (a kind without a form — a branch, a field update, a webhook, a new
 * deal — shown as its summary and kept as it is), a remove button and Move up / Move down buttons; below, the kind of
 * step to add. Focus stays with a moved step's button, and goes to the next step (else "Add step") after a removal.
 */
export function StepsEditor({ resource, value, onChange, errors, error, ctx }: StepsEditorProps) {
  const t = useT();
  const announce = useAnnounce();
  const [kind, setKind] = useState<EditableType>('delay');
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
    focus.current = after ? `[data-step="${after.key}"] [data-step-remove]` : '[data-step-add]';
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
    <div ref={root} role="group" aria-label={t('ruleEditor.steps')} className="crm-are-steps">
      <p className="crm-are-legend">{t('ruleEditor.steps')}</p>
      {value.length === 0 ? (
        <p className="crm-are-empty">{t('ruleEditor.noSteps')}</p>
      ) : (
        <ol className="crm-are-step-list">
          {value.map((item, i) => {
            const name = t('ruleEditor.step', { n: i + 1, kind: t(`ruleEditor.kind.${item.step.type}`) });
            const stepErrors = errors.get(i) ?? NO_ERRORS;
            return (
              <li key={item.key} data-step={item.key} className="crm-are-step">
                {/* biome-ignore lint/a11y/useSemanticElements: see above */}
                <div role="group" aria-label={name} className="crm-are-step-body">
                  <div className="crm-are-step-head">
                    <p className="crm-are-step-name">{name}</p>
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
                  {isEditable(item.step) ? (
                    <div className="crm-are-step-fields">
                      <StepFields
                        step={item.step}
                        errors={stepErrors}
                        onChange={(step) => onChange(value.map((v, j) => (j === i ? { ...v, step } : v)))}
                      />
                    </div>
                  ) : (
                    <p className="crm-are-step-kept">
                      {stepText(resource, item.step, ctx)} <span>{t('ruleEditor.kept')}</span>
                    </p>
                  )}
                  {stepErrors.get('') && (
                    <p className="crm-are-error" role="alert">
                      {stepErrors.get('')}
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
          options={EDITABLE_STEPS.map((k) => ({ value: k, label: t(`ruleEditor.kind.${k}`) }))}
          value={kind}
          onChange={(e) => setKind(e.target.value as EditableType)}
        />
        <Button size="sm" icon={icons.plus} data-step-add onClick={add}>
          {t('ruleEditor.addStep')}
        </Button>
      </div>
    </div>
  );
}
