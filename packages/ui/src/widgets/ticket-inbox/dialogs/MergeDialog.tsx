import { useCrm, useMergeTickets } from '@crmkit/react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../../../context/i18n.js';
import { Button } from '../../../primitives/Button.js';
import { Dialog } from '../../../primitives/Dialog.js';
import { TextField } from '../../../primitives/Field.js';
import * as icons from '../../../primitives/icons.js';
import type { Ticket } from '../common/labels.js';

/**
 * Merge duplicates: the selected tickets (or the open one and tickets found by number or subject); the agent picks the
 * one to keep, the others are closed and their conversations move into it — all or nothing, on the server.
 */
export function MergeDialog({
  ids,
  tickets,
  onClose,
}: {
  ids: string[];
  tickets: Ticket[];
  onClose: (merged: boolean) => void;
}) {
  const t = useT();
  const { client } = useCrm();
  const merge = useMergeTickets();
  const [extra, setExtra] = useState<Ticket[]>([]);
  const [q, setQ] = useState('');
  const known = [...tickets.filter((x) => ids.includes(x.id)), ...extra];
  const [keep, setKeep] = useState<string>(ids[0] ?? '');
  const found = useQuery({
    queryKey: ['crmkit', 'tickets', 'merge-search', q],
    queryFn: ({ signal }) =>
      /^\d+$/.test(q.trim())
        ? client.tickets.list({ filter: { number: Number(q.trim()) }, limit: 5 }, { signal })
        : client.tickets.list({ q: q.trim(), limit: 5 }, { signal }),
    enabled: q.trim().length > 0,
  }).data?.data.filter((x) => !known.some((k) => k.id === x.id) && !x.mergedIntoId);
  const sources = known.filter((x) => x.id !== keep).map((x) => x.id);
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose(false)}
      title={t('inbox.merge.title')}
      description={t('inbox.merge.description')}
      footer={
        <>
          <Button variant="secondary" onClick={() => onClose(false)}>
            {t('action.cancel')}
          </Button>
          <Button
            disabled={sources.length === 0 || !keep}
            loading={merge.isPending}
            onClick={() => merge.mutate({ targetId: keep, sourceIds: sources }, { onSuccess: () => onClose(true) })}
          >
            {t('inbox.merge.confirm', { count: known.length })}
          </Button>
        </>
      }
    >
      <fieldset className="crm-inbox-merge">
        <legend>{t('inbox.merge.keep')}</legend>
        {known.map((x) => (
          <label key={x.id}>
            <input type="radio" name="keep" checked={keep === x.id} onChange={() => setKeep(x.id)} />
            <span dir="auto">
              #{x.number} {x.subject}
            </span>
          </label>
        ))}
      </fieldset>
      <TextField label={t('inbox.merge.search')} value={q} onChange={(e) => setQ(e.target.value)} maxLength={200} />
      <ul className="crm-inbox-merge-found">
        {(found ?? []).map((x) => (
          <li key={x.id}>
            <Button size="sm" variant="ghost" icon={icons.plus} onClick={() => setExtra((e) => [...e, x as Ticket])}>
              #{x.number} {x.subject}
            </Button>
          </li>
        ))}
      </ul>
      {merge.error && (
        <p className="crm-inbox-problem" role="alert">
          {merge.error.message}
        </p>
      )}
    </Dialog>
  );
}
