import { useT } from '../../../context/i18n.js';
import { Dialog } from '../../../primitives/Dialog.js';
import type { InboxAction, Keymap } from '../common/keymap.js';

const ORDER: InboxAction[] = [
  'next',
  'previous',
  'open',
  'reply',
  'note',
  'assignMe',
  'close',
  'snooze',
  'select',
  'search',
  'help',
];

/** The keyboard shortcuts in force (the host's keymap over the defaults). */
export function HelpDialog({ keymap, onClose }: { keymap: Keymap; onClose: () => void }) {
  const t = useT();
  const label = (a: InboxAction) => (a === 'help' ? t('inbox.keys.help') : t(`inbox.keys.${a}`));
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t('inbox.keys.title')} size="sm">
      <dl className="crm-inbox-keys">
        {ORDER.map((a) => (
          <div key={a}>
            <dt>
              <kbd>{keymap[a]}</kbd>
              {(a === 'next' || a === 'previous') && (
                <>
                  {' / '}
                  <kbd>{a === 'next' ? '↓' : '↑'}</kbd>
                </>
              )}
            </dt>
            <dd>{label(a)}</dd>
          </div>
        ))}
        <div>
          <dt>
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
          </dt>
          <dd>{t('inbox.keys.send')}</dd>
        </div>
      </dl>
    </Dialog>
  );
}
