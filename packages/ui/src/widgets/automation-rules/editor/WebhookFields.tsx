import { useCan, useWebhookSubscriptions } from '@crmkit/react';
import { lazy, Suspense, useState } from 'react';
import { useT } from '../../../context/i18n.js';
import { Button } from '../../../primitives/Button.js';
import { Select } from '../../../primitives/Field.js';
import * as icons from '../../../primitives/icons.js';
import type { Step } from './draft.js';
import { withStored } from './options.js';

type Webhook = Extract<Step, { type: 'webhook' }>;

/** The Webhooks widget's endpoint form, loaded with its strings when "New endpoint…" is first pressed. */
const EndpointDialog = lazy(() => import('../../webhooks/form/EndpointDialog.js'));

/** Props of {@link WebhookFields}. */
export interface WebhookFieldsProps {
  step: Webhook;
  onChange: (step: Step) => void;
  errors: ReadonlyMap<string, string>;
}

/**
 * Calls a webhook: the endpoint (one of the workspace's webhook subscriptions, by its URL and description), which
 * receives the rule and the record, signed with the subscription's secret. A switched-off endpoint is named as such:
 * deliveries to it fail (and can be replayed once it is switched back on). Those who may create endpoints (admins)
 * add one here with "New endpoint…" (the Webhooks widget's form, its secret shown once), chosen for the step at once.
 */
export function WebhookFields({ step, onChange, errors }: WebhookFieldsProps) {
  const t = useT();
  const { items, isPending } = useWebhookSubscriptions({ limit: 100 });
  const canCreate = useCan('create', 'webhook-subscriptions');
  const [creating, setCreating] = useState(false);
  const options = withStored(
    items.map((h) => ({
      value: h.id,
      label: [h.url, h.description, h.enabled ? '' : t('ruleEditor.webhookOff')].filter(Boolean).join(' — '),
    })),
    step.subscriptionId,
    !isPending,
  );
  return (
    <div className="crm-re-webhook">
      <Select
        label={t('ruleEditor.webhook')}
        description={items.length || isPending ? t('ruleEditor.webhookHelp') : t('ruleEditor.noWebhooks')}
        required
        placeholder=""
        options={options}
        value={step.subscriptionId}
        error={errors.get('subscriptionId')}
        onChange={(e) => onChange({ ...step, subscriptionId: e.target.value })}
      />
      {canCreate && (
        <Button size="sm" icon={icons.plus} aria-haspopup="dialog" onClick={() => setCreating(true)}>
          {t('ruleEditor.newWebhook')}
        </Button>
      )}
      {creating && (
        <Suspense fallback={null}>
          <EndpointDialog
            onClose={(saved) => {
              setCreating(false);
              if (saved) onChange({ ...step, subscriptionId: saved.id });
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
