import type { Schemas, UpdateOf } from '@crmkit/client';
import { crmKeys, useCapabilities, useCrm } from '@crmkit/react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAnnounce } from '../../../context/announce.js';
import { useMessages } from '../../../context/i18n.js';
import { Button } from '../../../primitives/Button.js';
import { Dialog } from '../../../primitives/Dialog.js';
import { Select, TextField } from '../../../primitives/Field.js';
import { refusalOf, type ServerFieldError, serverErrorText } from '../../shared/editing/server-errors.js';
import { useUsers } from '../../shared/lists/useUsers.js';
import { type Ticket, useTicketFacts } from '../common/labels.js';

type Action = 'assign' | 'status' | 'priority' | 'tag' | 'snooze';
/** The batch endpoint's limit per request. */
const BATCH = 100;

/** One ticket a bulk change could not apply to, and why (the server's problem). */
interface Failure {
  id: string;
  number: number | undefined;
  message: string;
  /** The reason to word in the user's language: the first field error, or `changed` for a ticket changed meanwhile. */
  error?: ServerFieldError | undefined;
}

const reason = (p: Partial<Schemas['Problem']> | undefined) => p?.errors?.[0]?.message ?? p?.detail ?? p?.title ?? '?';

/**
 * Assign, set the status or priority, add a tag or snooze every selected ticket: sent in batches of 100, each ticket
 * with the version the agent saw (so a ticket changed meanwhile is refused, not overwritten), then a report of what
 * changed and, per ticket, what could not and why. The failed ones stay selected to try again.
 */
export function BulkDialog({
  ids,
  tickets,
  onClose,
}: {
  ids: string[];
  tickets: Ticket[];
  onClose: (failed: string[] | null) => void;
}) {
  const { t, messages } = useMessages();
  const announce = useAnnounce();
  const { client } = useCrm();
  const queryClient = useQueryClient();
  const facts = useTicketFacts();
  const etags = useCapabilities()?.etags !== false;
  const users = useUsers().assignable;
  const [action, setAction] = useState<Action>('assign');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<{ updated: number; failed: Failure[] } | null>(null);
  const byId = new Map(tickets.map((x) => [x.id, x]));

  const change = (ticket: Ticket | undefined): UpdateOf<'tickets'> => {
    switch (action) {
      case 'assign':
        return { assigneeId: value || null };
      case 'status':
        return { status: value as Ticket['status'] };
      case 'priority':
        return { priority: value as Ticket['priority'] };
      case 'tag':
        return { tags: [...new Set([...(ticket?.tags ?? []), value.trim()])] };
      case 'snooze':
        return { snooze: { until: value === 'reply' ? null : new Date(Date.now() + 86_400_000).toISOString() } };
    }
  };
  const apply = async () => {
    setBusy(true);
    const failed: Failure[] = [];
    let updated = 0;
    for (let i = 0; i < ids.length; i += BATCH) {
      const chunk = ids.slice(i, i + BATCH);
      const ops = chunk.map((id) => {
        const ticket = byId.get(id);
        return {
          op: 'update' as const,
          id,
          data: change(ticket),
          ...(etags && ticket ? { ifVersion: ticket.version } : {}),
        };
      });
      try {
        const { results } = await client.tickets.batch(ops);
        for (const r of results) {
          const id = chunk[r.index]!;
          if (r.status < 300) updated++;
          else
            failed.push({
              id,
              number: byId.get(id)?.number,
              message: reason(r.error),
              error: refusalOf(r.error, r.status),
            });
        }
      } catch (error) {
        for (const id of chunk) failed.push({ id, number: byId.get(id)?.number, message: (error as Error).message });
      }
    }
    await queryClient.invalidateQueries({ queryKey: crmKeys.resource('tickets') });
    setBusy(false);
    setReport({ updated, failed });
    announce(t('inbox.bulk.done', { count: updated }));
  };

  const ready = action === 'tag' ? value.trim() !== '' : action === 'assign' || value !== '';
  const field = {
    assign: (
      <Select
        label={t('inbox.filter.assignee')}
        value={value}
        placeholder={t('inbox.unassigned')}
        options={users.map((u) => ({ value: u.id, label: u.name }))}
        onChange={(e) => setValue(e.target.value)}
      />
    ),
    status: (
      <Select
        label={t('inbox.filter.status')}
        value={value}
        placeholder="—"
        options={(facts.schema?.ticketStatuses ?? []).map((s) => ({ value: s.key, label: facts.status(s.key) }))}
        onChange={(e) => setValue(e.target.value)}
      />
    ),
    priority: (
      <Select
        label={t('inbox.filter.priority')}
        value={value}
        placeholder="—"
        options={(facts.schema?.ticketPriorities ?? []).map((s) => ({ value: s.key, label: facts.priority(s.key) }))}
        onChange={(e) => setValue(e.target.value)}
      />
    ),
    tag: (
      <TextField
        label={t('inbox.bulk.addTag')}
        value={value}
        maxLength={64}
        onChange={(e) => setValue(e.target.value)}
      />
    ),
    snooze: (
      <Select
        label={t('inbox.action.snooze')}
        value={value}
        placeholder="—"
        options={[
          { value: 'tomorrow', label: t('inbox.snooze.tomorrow') },
          { value: 'reply', label: t('inbox.snooze.untilReply') },
        ]}
        onChange={(e) => setValue(e.target.value)}
      />
    ),
  }[action];
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose(report ? report.failed.map((f) => f.id) : null)}
      title={t('inbox.bulk.title', { count: ids.length })}
      footer={
        report ? (
          <Button onClick={() => onClose(report.failed.map((f) => f.id))}>{t('action.done')}</Button>
        ) : (
          <>
            <Button variant="secondary" onClick={() => onClose(null)}>
              {t('action.cancel')}
            </Button>
            <Button disabled={!ready} loading={busy} onClick={() => void apply()}>
              {t('inbox.bulk.apply')}
            </Button>
          </>
        )
      }
    >
      {report ? (
        <div className="crm-inbox-report" role="status">
          <p>{t('inbox.bulk.done', { count: report.updated })}</p>
          {report.failed.length > 0 && (
            <>
              <p>{t('inbox.bulk.failed', { count: report.failed.length })}</p>
              <ul>
                {report.failed.map((f) => (
                  <li key={f.id}>
                    #{f.number ?? f.id}: {f.error ? serverErrorText(t, messages, f.error) : f.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : (
        <div className="crm-inbox-bulk">
          <Select
            label={t('inbox.action.bulk')}
            value={action}
            onChange={(e) => {
              setAction(e.target.value as Action);
              setValue('');
            }}
            options={[
              { value: 'assign', label: t('inbox.filter.assignee') },
              { value: 'status', label: t('inbox.filter.status') },
              { value: 'priority', label: t('inbox.filter.priority') },
              { value: 'tag', label: t('inbox.bulk.addTag') },
              { value: 'snooze', label: t('inbox.action.snooze') },
            ]}
          />
          {field}
        </div>
      )}
    </Dialog>
  );
}
