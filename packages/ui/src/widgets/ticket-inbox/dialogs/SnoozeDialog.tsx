import { useCrm, useSnoozeTicket } from '@crmkit/react';
import { useState } from 'react';
import { useT } from '../../../context/i18n.js';
import { Button } from '../../../primitives/Button.js';
import { Dialog } from '../../../primitives/Dialog.js';
import { DateField } from '../../shared/dates/DateField.js';

/** The next `hour`:00 on a day `days` from today, in the provider's time zone's wall clock as the browser sees it. */
function at(now: Date, days: number, hour: number): Date {
  const d = new Date(now);
  d.setDate(d.getDate() + days);
  d.setHours(hour, 0, 0, 0);
  return d;
}

/** Snooze a ticket: later today, tomorrow morning, next week, a time of the agent's choice, or until the customer replies. */
export function SnoozeDialog({ ticketId, onClose }: { ticketId: string; onClose: () => void }) {
  const t = useT();
  const { now } = useCrm();
  const { snooze } = useSnoozeTicket();
  const [custom, setCustom] = useState('');
  const choose = (until: Date | null) => {
    snooze(ticketId, until ? until.toISOString() : null);
    onClose();
  };
  const n = now();
  const monday = at(n, (8 - n.getDay()) % 7 || 7, 9);
  const presets: [string, Date | null][] = [
    [t('inbox.snooze.laterToday'), new Date(n.getTime() + 3 * 3_600_000)],
    [t('inbox.snooze.tomorrow'), at(n, 1, 9)],
    [t('inbox.snooze.nextWeek'), monday],
    [t('inbox.snooze.untilReply'), null],
  ];
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t('inbox.snooze.title')} size="sm">
      <div className="crm-inbox-snooze">
        {presets.map(([label, until]) => (
          <Button key={label} variant="secondary" onClick={() => choose(until)}>
            {label}
          </Button>
        ))}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const d = new Date(custom);
            if (!Number.isNaN(d.getTime()) && d.getTime() > Date.now()) choose(d);
          }}
        >
          <DateField time label={t('inbox.snooze.custom')} value={custom} onChange={setCustom} />
          <Button type="submit" disabled={!custom}>
            {t('action.apply')}
          </Button>
        </form>
      </div>
    </Dialog>
  );
}
