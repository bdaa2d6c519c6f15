import { useT } from '../../../context/i18n.js';
import { Select, TextField } from '../../../primitives/Field.js';
import { useFilterFields } from '../../shared/filters/fields.js';
import { useUsers } from '../../shared/lists/useUsers.js';
import type { EditableType, Step } from './draft.js';
import { NumberField } from './NumberField.js';

type Assignee = Extract<Step, { type: 'assign' }>['assignee'];
type Editable = Extract<Step, { type: EditableType }>;

/** Props of {@link StepFields}. */
export interface StepFieldsProps {
  step: Editable;
  onChange: (step: Step) => void;
  /** The server's messages by the step's field (`subject`, `assignee.userId`; `''` for the step as a whole). */
  errors: ReadonlyMap<string, string>;
}

/** Who a task, an assignment or a notification goes to: the record's owner, a team's rotation or a chosen user. */
function AssigneeFields({
  label,
  value,
  onChange,
  errors,
  prefix,
}: {
  label: string;
  value: Assignee;
  onChange: (a: Assignee) => void;
  errors: ReadonlyMap<string, string>;
  prefix: string;
}) {
  const t = useT();
  const { assignable } = useUsers();
  // A rotation is set up on the server (its team); it is kept, and can be chosen only when it is already there.
  const types =
    value.type === 'round_robin' ? (['owner', 'round_robin', 'user'] as const) : (['owner', 'user'] as const);
  return (
    <>
      <Select
        label={label}
        options={types.map((type) => ({ value: type, label: t(`ruleEditor.assignee.${type}`) }))}
        value={value.type}
        error={errors.get(`${prefix}.type`)}
        onChange={(e) => {
          const type = e.target.value as Assignee['type'];
          onChange(type === 'user' ? { type, userId: value.userId ?? assignable[0]?.id } : { ...value, type });
        }}
      />
      {value.type === 'user' && (
        <Select
          label={t('ruleEditor.user')}
          options={assignable.map((u) => ({ value: u.id, label: u.name }))}
          value={value.userId ?? ''}
          error={errors.get(`${prefix}.userId`)}
          onChange={(e) => onChange({ type: 'user', userId: e.target.value })}
        />
      )}
    </>
  );
}

/** Who a created task or an assignment goes to. */
function StepAssignee({
  step,
  onChange,
  errors,
}: Omit<StepFieldsProps, 'step'> & { step: Extract<Step, { type: 'create_task' | 'assign' }> }) {
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

/** The fields of one step, by its kind. */
export function StepFields({ step, onChange, errors }: StepFieldsProps) {
  const t = useT();
  const stages = useFilterFields('contact').find((f) => f.name === 'lifecycleStage')?.options ?? [];
  switch (step.type) {
    case 'delay':
      return (
        <NumberField
          label={t('ruleEditor.delayHours')}
          value={step.minutes === undefined ? undefined : step.minutes / 60}
          error={errors.get('minutes') ?? errors.get('')}
          onChange={(hours) => {
            const minutes = hours === undefined ? 0 : Math.round(hours * 60);
            onChange({ ...step, minutes: minutes > 0 ? minutes : undefined });
          }}
        />
      );
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
