import type { UpdateOf } from '@crmkit/client';
import { useList, useUpdateRecord } from '@crmkit/react';
import { useState } from 'react';
import { useT } from '../../../context/i18n.js';
import { Badge } from '../../../primitives/Badge.js';
import { Select, TextField } from '../../../primitives/Field.js';
import { IconButton } from '../../../primitives/IconButton.js';
import * as icons from '../../../primitives/icons.js';
import { ConflictDialog } from '../../shared/editing/ConflictDialog.js';
import { useUsers } from '../../shared/lists/useUsers.js';
import type { Ticket, useTicketFacts } from '../common/labels.js';

/**
 * Status, priority, assignee, team and tags, each changed in place: saved at once and optimistically (the queue row
 * changes too), put back if the server refuses, and a prompt — keep mine or take theirs — when someone else changed
 * the ticket meanwhile. Read-only for viewers.
 */
export function Properties({
  ticket,
  facts,
  canWork,
}: {
  ticket: Ticket;
  facts: ReturnType<typeof useTicketFacts>;
  canWork: boolean;
}) {
  const t = useT();
  const { update, conflict, error } = useUpdateRecord('tickets');
  const { assignable, names: userNames } = useUsers();
  const teams = useList('teams', { limit: 200 }).items as { id: string; name: string }[];
  const [tag, setTag] = useState('');
  const save = (patch: UpdateOf<'tickets'>) => update(ticket.id, patch);
  const options = (list: { key: string }[] | undefined, label: (k: string) => string) =>
    (list ?? []).map((x) => ({ value: x.key, label: label(x.key) }));
  const labels: Record<string, string> = {
    status: t('inbox.filter.status'),
    priority: t('inbox.filter.priority'),
    assigneeId: t('inbox.filter.assignee'),
    teamId: t('inbox.filter.team'),
    tags: t('inbox.filter.tag'),
  };
  return (
    <section className="crm-inbox-properties" aria-label={t('inbox.properties')}>
      <Select
        label={labels.status}
        value={ticket.status}
        disabled={!canWork}
        options={options(facts.schema?.ticketStatuses, facts.status)}
        onChange={(e) => save({ status: e.target.value as Ticket['status'] })}
      />
      <Select
        label={labels.priority}
        value={ticket.priority}
        disabled={!canWork}
        options={options(facts.schema?.ticketPriorities, facts.priority)}
        onChange={(e) => save({ priority: e.target.value as Ticket['priority'] })}
      />
      <Select
        label={labels.assigneeId}
        value={ticket.assigneeId ?? ''}
        disabled={!canWork}
        placeholder={t('inbox.unassigned')}
        options={assignable.map((u) => ({ value: u.id, label: u.name }))}
        onChange={(e) => save({ assigneeId: e.target.value || null })}
      />
      <Select
        label={labels.teamId}
        value={ticket.teamId ?? ''}
        disabled={!canWork}
        placeholder={t('field.notSet')}
        options={teams.map((x) => ({ value: x.id, label: x.name }))}
        onChange={(e) => save({ teamId: e.target.value || null })}
      />
      <div className="crm-inbox-tags">
        <span className="crm-inbox-muted">{labels.tags}</span>
        <ul>
          {ticket.tags.map((x) => (
            <li key={x}>
              <Badge icon={icons.tag}>{x}</Badge>
              {canWork && (
                <IconButton
                  icon={icons.x}
                  size="sm"
                  aria-label={`${t('action.remove')} ${x}`}
                  onClick={() => save({ tags: ticket.tags.filter((y) => y !== x) })}
                />
              )}
            </li>
          ))}
        </ul>
        {canWork && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const v = tag.trim();
              if (v && !ticket.tags.includes(v)) save({ tags: [...ticket.tags, v] });
              setTag('');
            }}
          >
            <TextField
              label={t('field.addTag')}
              hideLabel
              placeholder={t('field.addTag')}
              value={tag}
              maxLength={64}
              onChange={(e) => setTag(e.target.value)}
            />
          </form>
        )}
      </div>
      {error && !conflict && (
        <p className="crm-inbox-problem" role="alert">
          {t('state.saveFailed')} {error.message}
        </p>
      )}
      {conflict && (
        <ConflictDialog
          conflict={conflict}
          label={(key) => labels[key] ?? key}
          show={(key, value) =>
            key === 'status'
              ? facts.status(String(value))
              : key === 'priority'
                ? facts.priority(String(value))
                : Array.isArray(value)
                  ? value.join(', ')
                  : (userNames.get(String(value)) ?? teams.find((x) => x.id === value)?.name ?? String(value ?? '—'))
          }
        />
      )}
    </section>
  );
}
