import type { Schemas } from '@crmkit/client';
import { useRotateWebhookSecret } from '@crmkit/react';
import { useT } from '../../../context/i18n.js';
import { MessagesScope } from '../../../context/scope.js';
import { webhooksMessages } from '../../../i18n/messages/webhooks/index.js';
import { Button } from '../../../primitives/Button.js';
import { Dialog } from '../../../primitives/Dialog.js';
import { StateView } from '../../../primitives/StateView.js';
import { SecretView } from './SecretView.js';

/** Props of {@link RotateDialog}. */
export interface RotateDialogProps {
  subscription: Schemas['WebhookSubscription'];
  onClose: () => void;
}

/**
 * Gives an endpoint a new signing secret after a confirmation, then shows it once (with until when the old one still
 * signs). Loaded lazily with its strings.
 */
export default function RotateDialog(props: RotateDialogProps) {
  return (
    <MessagesScope part={webhooksMessages} fallback={null}>
      <Rotate {...props} />
    </MessagesScope>
  );
}

function Rotate({ subscription, onClose }: RotateDialogProps) {
  const t = useT();
  const rotate = useRotateWebhookSecret();
  const done = rotate.data;
  return (
    <Dialog
      open
      role={done ? 'dialog' : 'alertdialog'}
      onOpenChange={(open) => !open && onClose()}
      title={done ? t('webhooks.secretTitle') : t('webhooks.rotateTitle', { url: subscription.url })}
      description={done ? undefined : t('webhooks.rotateConfirm')}
      footer={
        done ? (
          <Button variant="primary" onClick={onClose}>
            {t('action.done')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('action.cancel')}</Button>
            <Button variant="danger" loading={rotate.isPending} onClick={() => rotate.mutate(subscription.id)}>
              {t('webhooks.rotateAction')}
            </Button>
          </>
        )
      }
    >
      {done && <SecretView secret={done.secret} graceUntil={done.previousSecretValidUntil} />}
      {rotate.error && <StateView error={rotate.error} compact onRetry={() => rotate.mutate(subscription.id)} />}
    </Dialog>
  );
}
