import type { Campaign, CampaignPreviewRequest, Segment } from '@crmkit/client';
import {
  useCampaignPreview,
  useCancelCampaign,
  useFormat,
  useList,
  useSaveCampaign,
  useScheduleCampaign,
  useSchema,
  useTestSendCampaign,
} from '@crmkit/react';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useAnnounce } from '../../context/announce.js';
import { useMessages } from '../../context/i18n.js';
import { Button } from '../../primitives/Button.js';
import type { HeadingLevel } from '../../primitives/Card.js';
import { Select, TextField } from '../../primitives/Field.js';
import * as icons from '../../primitives/icons.js';
import { AudienceCount } from './AudienceCount.js';
import { ConfirmCancel, ConfirmSchedule } from './ConfirmDialogs.js';
import { bodyOf, type Draft, draftOf, type FieldErrors, fieldErrorsOf } from './draft.js';
import { PlaceholderPicker } from './PlaceholderPicker.js';
import { RecipientPreview } from './RecipientPreview.js';
import { ScheduleFields } from './ScheduleFields.js';
import { TestSend } from './TestSend.js';

/** How long typing pauses before the preview renders the new content. */
const PREVIEW_DELAY_MS = 400;
/** Recipients the preview steps through. */
const PREVIEW_SAMPLE = 20;

/** Props of {@link ComposerForm}. */
export interface ComposerFormProps {
  /** The stored campaign, or undefined for a new one. */
  campaign: Campaign | undefined;
  defaultSegmentId?: string;
  /** May the caller create and edit campaigns (else everything is read-only; the preview still renders). */
  canWrite: boolean;
  onSaved?: (campaign: Campaign) => void;
  onScheduled?: (campaign: Campaign) => void;
  onCancelled?: (campaign: Campaign) => void;
  title?: ReactNode;
  headingLevel: HeadingLevel;
}

/** `value`, once it has not changed for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `value`'s content.
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return settled;
}

/** The wall time of a schedule as the user's locale writes it, with whose zone it is in. */
function wallTime(draft: Draft, locale: string, zone: string, recipient: string): string {
  const at = new Date(`${draft.localTime}:00Z`);
  if (Number.isNaN(at.getTime())) return draft.localTime;
  const text = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(at);
  return `${text} (${draft.timeZone === 'workspace' ? zone : recipient})`;
}

/** The composer's form, its live preview and its actions; see `CampaignComposer`. */
export function ComposerForm({
  campaign,
  defaultSegmentId,
  canWrite,
  onSaved,
  onScheduled,
  onCancelled,
  title,
  headingLevel,
}: ComposerFormProps) {
  const { t, messages, locale } = useMessages();
  const f = useFormat();
  const id = useId();
  const announce = useAnnounce();
  const zone = useSchema().data?.workspace.timeZone ?? '';
  const [stored, setStored] = useState(campaign);
  const [draft, setDraft] = useState(() => draftOf(campaign, defaultSegmentId));
  const [saveErrors, setSaveErrors] = useState<{ fields: FieldErrors; rest: string[] }>();
  const [index, setIndex] = useState(0);
  const [confirm, setConfirm] = useState<'schedule' | 'cancel'>();
  const subjectRef = useRef<HTMLInputElement>(null);
  const templateRef = useRef<HTMLTextAreaElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const target = useRef<'subject' | 'template'>('template');

  const segments = useList('segments', { sort: 'name', limit: 200 });
  const choices = (segments.items as Segment[]).filter((s) => s.resource === 'contacts');
  const save = useSaveCampaign();
  const schedule = useScheduleCampaign();
  const cancel = useCancelCampaign();
  const test = useTestSendCampaign();

  const status = stored?.status ?? 'draft';
  const editable = canWrite && status === 'draft';
  const email = draft.channel === 'email';
  const content = useSettled(
    {
      segmentId: draft.segmentId,
      channel: draft.channel,
      subject: email ? draft.subject : null,
      template: draft.template,
    },
    PREVIEW_DELAY_MS,
  );
  const request: CampaignPreviewRequest | null =
    content.segmentId && content.template.trim() ? { ...content, sample: PREVIEW_SAMPLE } : null;
  const preview = useCampaignPreview(request);
  const previewErrors = fieldErrorsOf(preview.error, t, messages);
  const errors: FieldErrors = { ...previewErrors.fields, ...saveErrors?.fields };
  const items = preview.data?.items ?? [];
  const shown = items[Math.min(index, items.length - 1)];

  const change = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaveErrors(undefined);
  };

  const insert = (text: string) => {
    const key = email ? target.current : 'template';
    const el = key === 'subject' ? subjectRef.current : templateRef.current;
    const value = draft[key];
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? start;
    change({ [key]: value.slice(0, start) + text + value.slice(end) });
    announce(t('composer.inserted', { placeholder: text }));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + text.length, start + text.length);
    });
  };

  /** A refused save, schedule or cancel: its reasons under the form, the confirmation closed. */
  const refused = (error: unknown) => {
    setConfirm(undefined);
    const found = fieldErrorsOf(error, t, messages);
    if (!Object.keys(found.fields).length && !found.rest.length) found.rest.push((error as Error).message);
    setSaveErrors(found);
  };

  /** Saves the draft; the stored campaign, or undefined with the errors on their fields. */
  const persist = async (): Promise<Campaign | undefined> => {
    try {
      const body = bodyOf(draft);
      const saved = await save.mutateAsync(stored ? { id: stored.id, body, ifVersion: stored.version } : { body });
      setStored(saved);
      setSaveErrors(undefined);
      onSaved?.(saved);
      return saved;
    } catch (error) {
      refused(error);
      return undefined;
    }
  };

  const settle = (next: Campaign, message: string, callback?: (c: Campaign) => void) => {
    setStored(next);
    setConfirm(undefined);
    announce(message);
    callback?.(next);
    // The button that opened the confirmation is gone with the draft's controls: focus the status instead.
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  const H = `h${headingLevel}` as const;
  const statusText =
    status === 'scheduled'
      ? t('composer.status.scheduled', { when: stored?.scheduledAt ? f.dateTime(stored.scheduledAt) : '' })
      : t(`composer.status.${status}`);

  return (
    <div className="crm-cc">
      <div className="crm-cc-header">
        <H id={`${id}-title`} className="crm-cc-title">
          {title ?? (stored?.name || t('composer.new'))}
        </H>
        <p ref={statusRef} tabIndex={-1} className="crm-cc-status" data-status={status}>
          {statusText}
        </p>
      </div>
      {!canWrite && <p className="crm-cc-muted">{t('composer.readOnly')}</p>}
      <div className="crm-cc-body">
        <form
          className="crm-cc-form"
          aria-labelledby={`${id}-title`}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (editable) void persist().then((saved) => saved && announce(t('composer.saved')));
          }}
        >
          <fieldset className="crm-cc-fields" disabled={!editable}>
            <TextField
              label={t('composer.name')}
              required
              maxLength={200}
              value={draft.name}
              error={errors.name}
              onChange={(e) => change({ name: e.target.value })}
            />
            <Select
              label={t('composer.segment')}
              required
              placeholder={t('composer.chooseSegment')}
              value={draft.segmentId}
              error={errors.segmentId}
              description={
                draft.segmentId ? (
                  <AudienceCount segmentId={draft.segmentId} />
                ) : segments.isSuccess && !choices.length ? (
                  t('composer.noSegments')
                ) : undefined
              }
              onChange={(e) => change({ segmentId: e.target.value })}
              options={choices.map((s) => ({ value: s.id, label: s.name }))}
            />
            <Select
              label={t('composer.channel')}
              value={draft.channel}
              error={errors.channel}
              onChange={(e) => change({ channel: e.target.value as Draft['channel'] })}
              options={[
                { value: 'email', label: t('composer.channel.email') },
                { value: 'sms', label: t('composer.channel.sms') },
              ]}
            />
            {email && (
              <TextField
                ref={subjectRef}
                label={t('composer.subject')}
                required
                maxLength={300}
                value={draft.subject}
                error={errors.subject}
                onFocus={() => (target.current = 'subject')}
                onChange={(e) => change({ subject: e.target.value })}
              />
            )}
            <TextField
              ref={templateRef}
              multiline
              rows={8}
              label={t('composer.template')}
              description={t('composer.templateHelp')}
              required
              value={draft.template}
              error={errors.template}
              onFocus={() => (target.current = 'template')}
              onChange={(e) => change({ template: e.target.value })}
            />
            <PlaceholderPicker onInsert={insert} />
            <ScheduleFields draft={draft} errors={errors} onChange={change} />
          </fieldset>
          {saveErrors && (
            <div role="alert" className="crm-cc-alert">
              <p>{t('composer.notSaved')}</p>
              {saveErrors.rest.map((text) => (
                <p key={text}>{text}</p>
              ))}
            </div>
          )}
          <div className="crm-cc-actions">
            {editable && (
              <>
                <Button type="submit" loading={save.isPending}>
                  {t('composer.save')}
                </Button>
                <Button
                  variant="primary"
                  icon={draft.when === 'now' ? icons.mail : icons.clock}
                  disabled={save.isPending}
                  onClick={() => void persist().then((saved) => saved && setConfirm('schedule'))}
                >
                  {t(draft.when === 'now' ? 'composer.sendNowAction' : 'composer.schedule')}
                </Button>
              </>
            )}
            {canWrite && stored && (status === 'scheduled' || status === 'sending') && (
              <Button variant="danger" onClick={() => setConfirm('cancel')}>
                {t('composer.cancelCampaign')}
              </Button>
            )}
          </div>
          {canWrite && (
            <TestSend
              mutation={test}
              disabled={!request}
              onSend={() => request && test.mutate({ ...content, ...(shown ? { contactId: shown.contactId } : {}) })}
            />
          )}
        </form>
        <RecipientPreview
          preview={preview.data}
          busy={preview.isFetching}
          idle={!request}
          failed={Boolean(preview.error) && !Object.keys(previewErrors.fields).length}
          index={index}
          onIndex={setIndex}
        />
      </div>
      {confirm === 'schedule' && stored && (
        <ConfirmSchedule
          segmentId={stored.segmentId}
          when={draft.when === 'later' ? wallTime(draft, locale, zone, t('composer.timeZone.recipient')) : null}
          busy={schedule.isPending}
          onClose={() => setConfirm(undefined)}
          onConfirm={() =>
            schedule.mutate(
              { id: stored.id, ifVersion: stored.version },
              { onSuccess: (next) => settle(next, t('composer.scheduled'), onScheduled), onError: refused },
            )
          }
        />
      )}
      {confirm === 'cancel' && stored && (
        <ConfirmCancel
          name={stored.name}
          busy={cancel.isPending}
          onClose={() => setConfirm(undefined)}
          onConfirm={() =>
            cancel.mutate(
              { id: stored.id, ifVersion: stored.version },
              { onSuccess: (next) => settle(next, t('composer.cancelled'), onCancelled), onError: refused },
            )
          }
        />
      )}
    </div>
  );
}
