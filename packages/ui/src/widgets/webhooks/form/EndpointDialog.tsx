import type { CrmError, Schemas } from '@crmkit/client';
import { useSaveWebhookSubscription } from '@crmkit/react';
import { type FormEvent, useId, useState } from 'react';
import { useT } from '../../../context/i18n.js';
import { MessagesScope } from '../../../context/scope.js';
import { webhooksMessages } from '../../../i18n/messages/webhooks/index.js';
import { Button } from '../../../primitives/Button.js';
import { Dialog } from '../../../primitives/Dialog.js';
import { TextField } from '../../../primitives/Field.js';
import { StateView } from '../../../primitives/StateView.js';
import { EventTypesField } from './EventTypesField.js';
import type { EventType } from './event-types.js';
import { SecretView } from './SecretView.js';
import { isEndpointUrl } from './url.js';

type Subscription = Schemas['WebhookSubscription'];

/** Props of {@link EndpointDialog}. */
export interface EndpointDialogProps {
  /** The endpoint to edit; without it, a new one. */
  subscription?: Subscription;
  /** Closes the dialog, with the endpoint as saved (undefined when cancelled). */
  onClose: (saved?: Subscription) => void;
}

/**
 * Creates or edits a webhook endpoint: its URL (checked on the field: an absolute http(s) address), a description and
 * the events it gets (every event, or the ones checked). A new endpoint's signing secret is shown once, with a Copy
 * button, before the dialog closes. The server's refusals show on their field. Loaded lazily with its strings (also
 * by the rule editor's "New endpoint…").
 */
export default function EndpointDialog(props: EndpointDialogProps) {
  return (
    <MessagesScope part={webhooksMessages} fallback={null}>
      <Form {...props} />
    </MessagesScope>
  );
}

function Form({ subscription, onClose }: EndpointDialogProps) {
  const t = useT();
  const id = useId();
  const [url, setUrl] = useState(subscription?.url ?? '');
  const [description, setDescription] = useState(subscription?.description ?? '');
  const [events, setEvents] = useState<EventType[]>(subscription?.eventTypes ?? []);
  const [every, setEvery] = useState(!subscription || subscription.eventTypes.length === 0);
  const [checked, setChecked] = useState(false);
  const [created, setCreated] = useState<Schemas['WebhookSubscriptionCreated']>();
  const save = useSaveWebhookSubscription();
  const server = (path: string) =>
    (save.error as Partial<CrmError> | null)?.errors?.find((e) => e.path === path || e.path.startsWith(`${path}.`))
      ?.message;
  const urlError = checked && !isEndpointUrl(url.trim()) ? t('webhooks.urlInvalid') : server('url');
  const eventsError = checked && !every && !events.length ? t('webhooks.chooseEvents') : server('eventTypes');
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    setChecked(true);
    if (!isEndpointUrl(url.trim()) || (!every && !events.length)) return;
    const body = { url: url.trim(), description: description.trim() || null, eventTypes: every ? [] : events };
    save.mutate(subscription ? { id: subscription.id, body, ifVersion: subscription.version } : { body }, {
      onSuccess: (saved) => ('secret' in saved ? setCreated(saved) : onClose(saved)),
    });
  };
  if (created) {
    const { secret: _secret, ...record } = created;
    return (
      <Dialog
        open
        onOpenChange={() => onClose(record)}
        title={t('webhooks.secretTitle')}
        onKeyDown={(e) => e.stopPropagation()}
        footer={
          <Button variant="primary" onClick={() => onClose(record)}>
            {t('action.done')}
          </Button>
        }
      >
        <SecretView secret={created.secret} />
      </Dialog>
    );
  }
  const fieldErrors = urlError || eventsError;
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={subscription ? t('webhooks.editTitle', { url: subscription.url }) : t('webhooks.newTitle')}
      size="lg"
      // Opened over another dialog (the rule editor's), its keys stay its own.
      onKeyDown={(e) => e.stopPropagation()}
      footer={
        <>
          <Button onClick={() => onClose()}>{t('action.cancel')}</Button>
          <Button type="submit" form={`${id}-form`} variant="primary" loading={save.isPending}>
            {subscription ? t('webhooks.save') : t('webhooks.create')}
          </Button>
        </>
      }
    >
      <form id={`${id}-form`} className="crm-wh-form" noValidate onSubmit={submit}>
        <TextField
          label={t('webhooks.url')}
          description={t('webhooks.urlHelp')}
          type="url"
          inputMode="url"
          required
          maxLength={2000}
          spellCheck={false}
          value={url}
          error={urlError}
          onChange={(e) => setUrl(e.target.value)}
        />
        <TextField
          label={t('webhooks.description')}
          maxLength={500}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <EventTypesField
          value={events}
          every={every}
          error={eventsError}
          onChange={(value, all) => {
            setEvents(value);
            setEvery(all);
          }}
        />
        {save.error && !fieldErrors && <StateView error={save.error} compact onRetry={() => submit()} />}
      </form>
    </Dialog>
  );
}
