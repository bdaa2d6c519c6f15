import type { CreateOf, RecordOf } from '@crmkit/client';
import { type TimelineTarget, useCreateRecord, useCrm, useMe, useSchema } from '@crmkit/react';
import { type FormEvent, type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useAnnounce } from '../../context/announce.js';
import { useT } from '../../context/i18n.js';
import { Button } from '../../primitives/Button.js';
import { Select, TextField } from '../../primitives/Field.js';
import { Icon, type IconPath } from '../../primitives/Icon.js';
import * as icons from '../../primitives/icons.js';
import { DateField } from '../shared/dates/DateField.js';
import { OUTCOMES, outcomeLabel, PURPOSES, purposeLabel, typeLabel } from './labels.js';
import { fromWallTime, wallTime } from './wall-time.js';

type Activity = RecordOf<'activities'>;
type Kind = 'call' | 'note' | 'task' | 'reminder';
const KINDS: Kind[] = ['call', 'note', 'task', 'reminder'];
const ICONS: Record<Kind, IconPath> = { call: icons.phone, note: icons.note, task: icons.task, reminder: icons.bell };

/** What the composer's fields hold, as typed (dates as wall-clock times in the provider's time zone). */
interface Values {
  direction: string;
  outcome: string;
  duration: string;
  body: string;
  subject: string;
  dueDate: string;
  purpose: string;
  remindAt: string;
}
type Errors = Partial<Record<keyof Values | 'form', string>>;

/** Props of {@link Composer}. */
export interface ComposerProps {
  target: TimelineTarget;
  /** Called with each activity created (to show it at once). */
  onCreated: (activity: Activity) => void;
}

/**
 * Logs a call, adds a note, adds a task or schedules a reminder on a record: tabs (arrow keys move between them), a
 * validated form each, created through `useCreateRecord('activities')`.
 */
export function Composer({ target, onCreated }: ComposerProps) {
  const t = useT();
  const id = useId();
  const [kind, setKind] = useState<Kind>('call');
  const { locale } = useCrm();
  const schema = useSchema().data;
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const label: Record<Kind, string> = {
    call: typeLabel('call', t, locale, schema),
    note: typeLabel('note', t, locale, schema),
    task: typeLabel('task', t, locale, schema),
    reminder: t('timeline.reminder'),
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const i = KINDS.indexOf(kind);
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, Home: -i, End: KINDS.length - 1 - i }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = KINDS[(i + step + KINDS.length) % KINDS.length]!;
    setKind(next);
    tabs.current[KINDS.indexOf(next)]?.focus();
  };
  return (
    <div className="crm-at-composer">
      <div role="tablist" aria-label={t('timeline.composer')} className="crm-at-tabs" onKeyDown={onKeyDown}>
        {KINDS.map((k, i) => (
          <button
            key={k}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${k}`}
            aria-selected={kind === k}
            aria-controls={`${id}-panel`}
            tabIndex={kind === k ? 0 : -1}
            className="crm-at-tab"
            onClick={() => setKind(k)}
          >
            <Icon icon={ICONS[k]} />
            {label[k]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${kind}`} className="crm-at-panel">
        <ComposerForm key={kind} kind={kind} target={target} onCreated={onCreated} />
      </div>
    </div>
  );
}

function ComposerForm({
  kind,
  target,
  onCreated,
}: {
  kind: Kind;
  target: TimelineTarget;
  onCreated: ComposerProps['onCreated'];
}) {
  const t = useT();
  const announce = useAnnounce();
  const me = useMe().data;
  const create = useCreateRecord('activities');
  const formRef = useRef<HTMLFormElement>(null);
  const { timeZone, now: clock } = useCrm();
  const [errors, setErrors] = useState<Errors>({});
  const [values, setValues] = useState<Values>(() => ({
    direction: 'outbound',
    outcome: 'connected',
    duration: '',
    body: '',
    subject: '',
    dueDate: '',
    purpose: PURPOSES[0]!,
    remindAt: wallTime(new Date(clock().getTime() + 86_400_000), timeZone),
  }));
  const { direction, outcome, duration, body, subject, dueDate, purpose, remindAt } = values;
  /** The end of the due day, in the provider's time zone. */
  const dueAt = () => fromWallTime(`${dueDate}T23:59:59`, timeZone);

  /** Value, error and change handler of a field (a change clears its error and the form's). */
  const set = (field: keyof Values, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => (e[field] || e.form ? { ...e, [field]: undefined, form: undefined } : e));
  };
  const bind = (field: keyof Values) => ({
    value: values[field],
    error: errors[field],
    onChange: (event: { target: { value: string } }) => set(field, event.target.value),
  });
  const dateBind = (field: 'dueDate' | 'remindAt') => ({
    value: values[field],
    error: errors[field],
    onChange: (value: string) => set(field, value),
  });

  const validate = (): Errors => {
    const e: Errors = {};
    if (kind === 'call' && duration.trim()) {
      const n = Number(duration);
      if (!Number.isFinite(n)) e.duration = t('validation.number');
      else if (n < 0) e.duration = t('validation.min', { min: 0 });
      else if (n > 24 * 60) e.duration = t('validation.max', { max: 24 * 60 });
    }
    if (kind === 'note' && !body.trim()) e.body = t('validation.required');
    if (kind === 'task') {
      if (!subject.trim()) e.subject = t('validation.required');
      if (dueDate && Number.isNaN(dueAt().getTime())) e.dueDate = t('validation.date');
    }
    if (kind === 'reminder') {
      const at = fromWallTime(remindAt, timeZone);
      if (!remindAt) e.remindAt = t('validation.required');
      else if (Number.isNaN(at.getTime())) e.remindAt = t('validation.date');
      else if (at.getTime() < clock().getTime()) e.remindAt = t('timeline.futureTime');
    }
    return e;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const found = validate();
    setErrors(found);
    if (Object.values(found).some(Boolean)) {
      // Focus the first invalid field (its error is linked with aria-describedby).
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const now = clock().toISOString();
    const text = body.trim() || null;
    const base = { ...target, occurredAt: now };
    let data: CreateOf<'activities'>;
    if (kind === 'call') {
      data = {
        ...base,
        type: 'call',
        direction: direction as 'inbound' | 'outbound',
        outcome,
        durationSeconds: duration.trim() ? Math.round(Number(duration) * 60) : null,
        body: text,
      };
    } else if (kind === 'note') {
      data = { ...base, type: 'note', body: text };
    } else if (kind === 'task') {
      data = {
        ...base,
        type: 'task',
        subject: subject.trim(),
        dueAt: dueDate ? dueAt().toISOString() : null,
        assigneeId: me?.user?.id ?? null,
        body: text,
      };
    } else {
      data = {
        ...base,
        type: 'task',
        subject: purposeLabel(purpose, t),
        purpose,
        dueAt: fromWallTime(remindAt, timeZone).toISOString(),
        assigneeId: me?.user?.id ?? null,
        body: text,
      };
    }
    try {
      const activity = await create.mutateAsync(data);
      onCreated(activity);
      announce(t('timeline.logged'));
      setValues((v) => ({ ...v, body: '', subject: '', duration: '', dueDate: '' }));
    } catch (error) {
      const e = error as { detail?: string; message?: string; errors?: { message: string }[] };
      setErrors({ form: e.errors?.[0]?.message ?? e.detail ?? e.message ?? t('state.saveFailed') });
    }
  };

  const submitLabel = {
    call: t('timeline.logCall'),
    note: t('timeline.addNote'),
    task: t('timeline.addTask'),
    reminder: t('timeline.scheduleReminder'),
  }[kind];

  const details = <TextField label={t('timeline.body')} multiline rows={2} maxLength={20_000} {...bind('body')} />;
  let fields: ReactNode;
  if (kind === 'call') {
    fields = (
      <>
        <div className="crm-at-row">
          <Select
            label={t('timeline.direction')}
            {...bind('direction')}
            options={[
              { value: 'outbound', label: t('timeline.direction.outbound') },
              { value: 'inbound', label: t('timeline.direction.inbound') },
            ]}
          />
          <Select
            label={t('timeline.outcome')}
            {...bind('outcome')}
            options={OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(o, t) }))}
          />
          <TextField
            label={t('timeline.duration')}
            type="number"
            inputMode="numeric"
            min={0}
            max={1440}
            {...bind('duration')}
          />
        </div>
        {details}
      </>
    );
  } else if (kind === 'note') {
    fields = (
      <TextField
        label={t('timeline.type.note')}
        multiline
        rows={3}
        required
        maxLength={20_000}
        placeholder={t('timeline.notePlaceholder')}
        {...bind('body')}
      />
    );
  } else if (kind === 'task') {
    fields = (
      <div className="crm-at-row">
        <TextField
          className="crm-at-grow"
          label={t('timeline.subject')}
          required
          maxLength={300}
          {...bind('subject')}
        />
        <DateField label={t('timeline.dueDate')} {...dateBind('dueDate')} />
      </div>
    );
  } else {
    fields = (
      <>
        <div className="crm-at-row">
          <Select
            label={t('timeline.purpose')}
            {...bind('purpose')}
            options={PURPOSES.map((p) => ({ value: p, label: purposeLabel(p, t) }))}
          />
          <DateField label={t('timeline.remindAt')} time required {...dateBind('remindAt')} />
        </div>
        {details}
      </>
    );
  }

  return (
    <form ref={formRef} className="crm-at-form" onSubmit={submit} noValidate aria-label={submitLabel}>
      {fields}
      {errors.form && (
        <p role="alert" className="crm-field-error">
          <Icon icon={icons.alert} />
          {errors.form}
        </p>
      )}
      <div className="crm-at-form-actions">
        <Button type="submit" variant="primary" size="sm" loading={create.isPending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
