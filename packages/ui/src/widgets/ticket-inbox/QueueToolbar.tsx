import type { ListQuery } from '@crmkit/client';
import { useList } from '@crmkit/react';
import { type RefObject, useEffect, useId, useState } from 'react';
import { useT } from '../../context/i18n.js';
import { Button } from '../../primitives/Button.js';
import { Select, TextField } from '../../primitives/Field.js';
import * as icons from '../../primitives/icons.js';
import { useUsers } from '../shared/lists/useUsers.js';
import type { Ticket, useTicketFacts } from './common/labels.js';

/** The queue's sort, search and filters. */
export interface QueueQuery {
  sort: 'nextBreachAt' | '-priority' | '-lastMessageAt';
  q: string;
  status: string;
  priority: string;
  channel: string;
  teamId: string;
  assigneeId: string;
  tag: string;
}

export const NO_FILTERS: QueueQuery = {
  sort: 'nextBreachAt',
  q: '',
  status: '',
  priority: '',
  channel: '',
  teamId: '',
  assigneeId: '',
  tag: '',
};

/** The list query of a queue query (empty filters left out). */
export function listQuery(q: QueueQuery): ListQuery<Ticket> {
  const filter: Record<string, string> = {};
  for (const key of ['status', 'priority', 'channel', 'teamId', 'assigneeId'] as const)
    if (q[key]) filter[key] = q[key];
  if (q.tag) filter.tags = q.tag;
  return {
    sort: q.sort as ListQuery<Ticket>['sort'],
    ...(q.q.trim() ? { q: q.q.trim() } : {}),
    ...(Object.keys(filter).length ? { filter: filter as ListQuery<Ticket>['filter'] } : {}),
  };
}

/**
 * Search (debounced), sort (SLA due, priority, last activity) and filters (status, priority, channel, team, assignee,
 * tag) of the queue.
 */
export function QueueToolbar({
  value,
  onChange,
  facts,
  searchRef,
}: {
  value: QueueQuery;
  onChange: (q: QueueQuery) => void;
  facts: ReturnType<typeof useTicketFacts>;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(value.q);
  const [open, setOpen] = useState(false);
  const active = (['status', 'priority', 'channel', 'teamId', 'assigneeId', 'tag'] as const).filter(
    (k) => value[k],
  ).length;
  useEffect(() => {
    if (text === value.q) return;
    const timer = setTimeout(() => onChange({ ...value, q: text }), 250);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  const users = useUsers().assignable;
  const teams = useList('teams', { limit: 200 }).items as { id: string; name: string }[];
  const any = t('inbox.filter.any');
  const options = (list: { key: string }[] | undefined, label: (k: string) => string) =>
    (list ?? []).map((x) => ({ value: x.key, label: label(x.key) }));
  const set = (key: keyof QueueQuery) => (e: { target: { value: string } }) =>
    onChange({ ...value, [key]: e.target.value });
  return (
    <div className="crm-inbox-toolbar">
      <div className="crm-inbox-search">
        <TextField
          ref={searchRef}
          type="search"
          icon={icons.search}
          label={t('inbox.search')}
          hideLabel
          placeholder={t('inbox.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={200}
        />
        <Button
          variant="secondary"
          icon={icons.filter}
          aria-expanded={open}
          aria-controls={`${id}-filters`}
          onClick={() => setOpen(!open)}
        >
          {active ? `${t('inbox.filters')} (${active})` : t('inbox.filters')}
        </Button>
      </div>
      <div className="crm-inbox-filters" id={`${id}-filters`} hidden={!open}>
        <Select
          label={t('inbox.sort')}
          value={value.sort}
          onChange={set('sort')}
          options={[
            { value: 'nextBreachAt', label: t('inbox.sort.sla') },
            { value: '-priority', label: t('inbox.sort.priority') },
            { value: '-lastMessageAt', label: t('inbox.sort.activity') },
          ]}
        />
        <Select
          label={t('inbox.filter.status')}
          value={value.status}
          onChange={set('status')}
          placeholder={any}
          options={options(facts.schema?.ticketStatuses, facts.status)}
        />
        <Select
          label={t('inbox.filter.priority')}
          value={value.priority}
          onChange={set('priority')}
          placeholder={any}
          options={options(facts.schema?.ticketPriorities, facts.priority)}
        />
        <Select
          label={t('inbox.filter.channel')}
          value={value.channel}
          onChange={set('channel')}
          placeholder={any}
          options={options(facts.schema?.ticketChannels, facts.channel)}
        />
        <Select
          label={t('inbox.filter.team')}
          value={value.teamId}
          onChange={set('teamId')}
          placeholder={any}
          options={teams.map((x) => ({ value: x.id, label: x.name }))}
        />
        <Select
          label={t('inbox.filter.assignee')}
          value={value.assigneeId}
          onChange={set('assigneeId')}
          placeholder={any}
          options={users.map((u) => ({ value: u.id, label: u.name }))}
        />
        <TextField label={t('inbox.filter.tag')} value={value.tag} onChange={set('tag')} maxLength={64} />
      </div>
    </div>
  );
}
