import { useT } from '../../../context/i18n.js';
import { Select, TextField } from '../../../primitives/Field.js';
import { useFilterFields } from '../../shared/filters/fields.js';
import { AssigneeFields } from './AssigneeFields.js';
import { DealFields } from './DealFields.js';
import { DelayFields } from './DelayFields.js';
import type { Resource, Step } from './draft.js';
import { NumberField } from './NumberField.js';
import { UpdateFieldFields } from './UpdateFieldFields.js';
import { WebhookFields } from './WebhookFields.js';

type Leaf = Exclude<Step, { type: 'branch' }>;

/** Props of {@link StepFields}. */
export interface StepFieldsProps {
  resource: Resource;
  step: Leaf;
  onChange: (step: Step) => void;
  /** The messages by the step's field (`subject`, `assignee.userId`; `''` for the step as a whole). */
  errors: ReadonlyMap<string, string>;
}

/** Who a created task or an assignment goes to. */
function StepAssignee({
  step,
  onChange,
  errors,
}: Omit<StepFieldsProps, 'step' | 'resource'> & { step: Extract<Step, { type: 'create_task' | 'assign' }> }) {
  const t = useT();
  return (
    <AssigneeFields
      label={t('ruleEditor.assignTo')}
      value={step.assignee}
      prefix="assignee"
      errors={errors}
      onChange={(assignee) => onChange({ ...step, assignee })}
    />
  );
}

/** The fields of one step, by its kind (a branch has its own: `BranchFields`). */
export function StepFields({ resource, step, onChange, errors }: StepFieldsProps) {
  const t = useT();
  const stages = useFilterFields('contact').find((f) => f.name === 'lifecycleStage')?.options ?? [];
  switch (step.type) {
    case 'delay':
      return <DelayFields step={step} onChange={onChange} errors={errors} />;
    case 'update_field':
      return <UpdateFieldFields resource={resource} step={step} onChange={onChange} errors={errors} />;
    case 'webhook':
      return <WebhookFields step={step} onChange={onChange} errors={errors} />;
    case 'create_deal':
      return <DealFields step={step} onChange={onChange} errors={errors} />;
    case 'create_task':
      return (
        <>
          <Select
            label={t('ruleEditor.taskKind')}
            options={(['task', 'reminder'] as const).map((k) => ({ value: k, label: t(`ruleEditor.taskKind.${k}`) }))}
            value={step.kind}
            onChange={(e) => onChange({ ...step, kind: e.target.value as 'task' | 'reminder' })}
          />
          <TextField
            label={t('ruleEditor.taskTitle')}
            required
            maxLength={300}
            value={step.subject}
            error={errors.get('subject')}
            onChange={(e) => onChange({ ...step, subject: e.target.value })}
          />
          <NumberField
            label={t('ruleEditor.dueInDays')}
            value={step.dueInMinutes / 1440}
            error={errors.get('dueInMinutes')}
            onChange={(days) => onChange({ ...step, dueInMinutes: Math.round((days ?? 0) * 1440) })}
          />
          <StepAssignee step={step} onChange={onChange} errors={errors} />
        </>
      );
    case 'assign':
      return <StepAssignee step={step} onChange={onChange} errors={errors} />;
    case 'set_lifecycle':
      return (
        <Select
          label={t('ruleEditor.stage')}
          options={stages}
          value={step.stage}
          error={errors.get('stage')}
          onChange={(e) => onChange({ ...step, stage: e.target.value as typeof step.stage })}
        />
      );
    case 'add_tag':
    case 'remove_tag':
      return (
        <TextField
          label={t('ruleEditor.tag')}
          required
          maxLength={64}
          value={step.tag}
          error={errors.get('tag')}
          onChange={(e) => onChange({ ...step, tag: e.target.value })}
        />
      );
    case 'send_message':
      return (
        <>
          <Select
            label={t('ruleEditor.channel')}
            options={(['email', 'sms'] as const).map((c) => ({ value: c, label: t(`ruleEditor.channel.${c}`) }))}
            value={step.channel}
            onChange={(e) => onChange({ ...step, channel: e.target.value as 'email' | 'sms' })}
          />
          {step.channel === 'email' && (
            <TextField
              label={t('ruleEditor.subject')}
              maxLength={300}
              value={step.subject ?? ''}
              error={errors.get('subject')}
              onChange={(e) => onChange({ ...step, subject: e.target.value || undefined })}
            />
          )}
          <TextField
            label={t('ruleEditor.template')}
            description={t('ruleEditor.templateHelp', { example: '{{contact.firstName}}' })}
            multiline
            required
            maxLength={10_000}
            value={step.template}
            error={errors.get('template')}
            onChange={(e) => onChange({ ...step, template: e.target.value })}
          />
        </>
      );
    case 'notify':
      return (
        <>
          <AssigneeFields
            label={t('ruleEditor.notifyWho')}
            value={step.to}
            prefix="to"
            errors={errors}
            onChange={(to) => onChange({ ...step, to })}
          />
          <TextField
            label={t('ruleEditor.message')}
            multiline
            required
            maxLength={2000}
            value={step.message}
            error={errors.get('message')}
            onChange={(e) => onChange({ ...step, message: e.target.value })}
          />
        </>
      );
  }
}
