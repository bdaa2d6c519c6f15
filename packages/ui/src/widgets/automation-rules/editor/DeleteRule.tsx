import { useDeleteRule } from '@crmkit/react';
import { useState } from 'react';
import { useAnnounce } from '../../../context/announce.js';
import { useT } from '../../../context/i18n.js';
import { Button } from '../../../primitives/Button.js';
import { Dialog } from '../../../primitives/Dialog.js';
import * as icons from '../../../primitives/icons.js';
import type { Rule } from './draft.js';

/** "Delete rule", asking first; the rule leaves the list at once and comes back if the server refuses. */
export function DeleteRule({ rule, onDeleted }: { rule: Rule; onDeleted: () => void }) {
  const t = useT();
  const announce = useAnnounce();
  const [asking, setAsking] = useState(false);
  const remove = useDeleteRule();
  return (
    <>
      <Button variant="danger" icon={icons.trash} onClick={() => setAsking(true)}>
        {t('ruleEditor.delete')}
      </Button>
      <Dialog
        open={asking}
        size="sm"
        role="alertdialog"
        onOpenChange={setAsking}
        title={t('ruleEditor.deleteTitle', { name: rule.name })}
        description={t('ruleEditor.deleteDescription')}
        footer={
          <>
            <Button onClick={() => setAsking(false)}>{t('action.cancel')}</Button>
            <Button
              variant="danger"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(rule.id, {
                  onSuccess: () => {
                    announce(t('ruleEditor.deleted', { name: rule.name }));
                    onDeleted();
                  },
                })
              }
            >
              {t('ruleEditor.confirmDelete')}
            </Button>
          </>
        }
      >
        {remove.error && (
          <p role="alert" className="crm-are-error">
            {t('ruleEditor.notDeleted')}
          </p>
        )}
      </Dialog>
    </>
  );
}
