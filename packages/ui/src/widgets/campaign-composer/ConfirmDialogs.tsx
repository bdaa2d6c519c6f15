import { useSegmentCount } from '@crmkit/react';
import { useT } from '../../context/i18n.js';
import { Button } from '../../primitives/Button.js';
import { Dialog } from '../../primitives/Dialog.js';

/** Props of the composer's confirmations. */
interface ConfirmProps {
  onClose: () => void;
  onConfirm: () => void;
  busy: boolean;
}

/** An alert dialog whose Cancel comes first, so Enter never sends or cancels by accident. */
function Confirm({
  title,
  description,
  confirm,
  dismiss,
  danger,
  onClose,
  onConfirm,
  busy,
}: ConfirmProps & { title: string; description: string; confirm: string; dismiss: string; danger?: boolean }) {
  return (
    <Dialog
      open
      size="sm"
      role="alertdialog"
      onOpenChange={(open) => !open && onClose()}
      title={title}
      description={description}
      footer={
        <>
          <Button onClick={onClose}>{dismiss}</Button>
          <Button variant={danger ? 'danger' : 'primary'} loading={busy} onClick={onConfirm}>
            {confirm}
          </Button>
        </>
      }
    />
  );
}

/** Asks before a campaign goes: to how many members now, or at which time. */
export function ConfirmSchedule({
  segmentId,
  when,
  ...props
}: ConfirmProps & { segmentId: string; when: string | null }) {
  const t = useT();
  const count = useSegmentCount({ id: segmentId, resource: 'contacts' }).data?.value ?? 0;
  return (
    <Confirm
      {...props}
      title={when ? t('composer.confirmSchedule', { when }) : t('composer.confirmSend', { count })}
      description={t('composer.confirmDescription')}
      confirm={t('composer.confirm')}
      dismiss={t('action.cancel')}
    />
  );
}

/** Asks before a scheduled or sending campaign is cancelled. */
export function ConfirmCancel({ name, ...props }: ConfirmProps & { name: string }) {
  const t = useT();
  return (
    <Confirm
      {...props}
      danger
      title={t('composer.confirmCancel', { name })}
      description={t('composer.confirmCancelDescription')}
      confirm={t('composer.cancelConfirm')}
      dismiss={t('composer.keep')}
    />
  );
}
