import type { useTestSendCampaign } from '@crmkit/react';
import { useMessages } from '../../context/i18n.js';
import { Button } from '../../primitives/Button.js';
import * as icons from '../../primitives/icons.js';
import { fieldErrorsOf } from './draft.js';

/** Props of {@link TestSend}. */
export interface TestSendProps {
  mutation: ReturnType<typeof useTestSendCampaign>;
  /** Nothing to send yet (no segment or no message). */
  disabled: boolean;
  onSend: () => void;
}

/**
 * "Send a test to me" and what came of it, in a live region: where it went and whom it was rendered for, or why it
 * could not go (no address of the user's on the channel, a placeholder, the provider).
 */
export function TestSend({ mutation, disabled, onSend }: TestSendProps) {
  const { t, messages } = useMessages();
  let text = '';
  if (mutation.data) text = t('composer.testSent', { to: mutation.data.to, name: mutation.data.name });
  else if (mutation.error) {
    const { fields, rest } = fieldErrorsOf(mutation.error, t, messages);
    const reason = [...Object.values(fields), ...rest][0] ?? mutation.error.message;
    text = t('composer.testFailed', { reason });
  }
  return (
    <div className="crm-cc-test">
      <Button size="sm" icon={icons.mail} disabled={disabled} loading={mutation.isPending} onClick={onSend}>
        {t('composer.test')}
      </Button>
      <p role="status" className="crm-cc-test-status" data-failed={mutation.error ? '' : undefined}>
        {text}
      </p>
    </div>
  );
}
