import { useWebhookSubscriptions } from '@crmkit/react';
import { useT } from '../../../context/i18n.js';
import { Select } from '../../../primitives/Field.js';
import type { Step } from './draft.js';
import { withStored } from './options.js';

type Webhook = Extract<Step, { type: 'webhook' }>;

/** Props of {@link WebhookFields}. */
export interface WebhookFieldsProps {
  step: Webhook;
  onChange: (step: Step) => void;
  errors: ReadonlyMap<string, string>;
}

/**
 * Calls a webhook: the endpoint (one of the workspace's webhook subscriptions, by its URL and description), which
 * receives the rule and the record, signed with the subscription's secret. A switched-off endpoint is named as such:
 * deliveries to it fail (and can be replayed once it is switched back on).
 */
export function WebhookFields({ step, onChange, errors }: WebhookFieldsProps) {
  const t = useT();
  const { items, isPending } = useWebhookSubscriptions({ limit: 100 });
  const options = withStored(
    items.map((h) => ({
      value: h.id,
      label: [h.url, h.description, h.enabled ? '' : t('ruleEditor.webhookOff')].filter(Boolean).join(' — '),
    })),
    step.subscriptionId,
    !isPending,
  );
  return (
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
  );
}
