import type { RecordOf } from '@crmkit/client';
import { fillPlaceholders, type PlaceholderValues } from '@crmkit/core/tickets';
import { useList } from '@crmkit/react';
import { useMemo, useState } from 'react';
import { useT } from '../../../context/i18n.js';
import { Button } from '../../../primitives/Button.js';
import { TextField } from '../../../primitives/Field.js';
import * as icons from '../../../primitives/icons.js';
import { MessageBody } from './MessageBody.js';

type Canned = RecordOf<'cannedResponses'>;

/** Props of {@link CannedPicker}. */
export interface CannedPickerProps {
  /** What the search starts with (a `::shortcut` typed in the editor). */
  initialQuery: string;
  values: PlaceholderValues;
  /** The agent's teams: responses for other teams are not offered. */
  teamIds: readonly string[];
  onInsert: (html: string, status: string | null) => void;
  onClose: () => void;
}

/**
 * The workspace's canned responses: search by name or shortcut, a preview with the placeholders filled from this
 * ticket, its requester and the agent, and Insert (which also picks the response's status, if it sets one).
 */
export function CannedPicker({ initialQuery, values, teamIds, onInsert, onClose }: CannedPickerProps) {
  const t = useT();
  const [q, setQ] = useState(initialQuery);
  const list = useList('cannedResponses', { limit: 100, ...(q.trim() ? { q: q.trim() } : {}) });
  const offered = (list.items as Canned[]).filter(
    (c) => c.teamIds.length === 0 || c.teamIds.some((id) => teamIds.includes(id)),
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const current = offered.find((c) => c.id === chosen) ?? offered[0];
  const filled = useMemo(() => (current ? fillPlaceholders(current.body, values) : ''), [current, values]);
  return (
    <section className="crm-inbox-canned" aria-label={t('inbox.compose.canned')}>
      <TextField
        label={t('inbox.compose.cannedSearch')}
        hideLabel
        placeholder={t('inbox.compose.cannedSearch')}
        icon={icons.search}
        value={q}
        autoFocus
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
          if (e.key === 'Enter' && current) {
            e.preventDefault();
            onInsert(filled, current.status);
          }
        }}
      />
      {offered.length === 0 ? (
        <p className="crm-inbox-muted">{list.isPending ? t('state.loading') : t('inbox.compose.cannedNone')}</p>
      ) : (
        <div className="crm-inbox-canned-body">
          <ul className="crm-inbox-canned-list">
            {offered.map((c) => (
              <li key={c.id}>
                <button type="button" aria-pressed={c.id === current?.id} onClick={() => setChosen(c.id)}>
                  <span>{c.name}</span>
                  {c.shortcut && <code>::{c.shortcut}</code>}
                </button>
              </li>
            ))}
          </ul>
          <section className="crm-inbox-canned-preview" aria-label={t('inbox.compose.preview')}>
            <MessageBody html={filled} />
          </section>
        </div>
      )}
      <div className="crm-inbox-canned-actions">
        <Button size="sm" disabled={!current} onClick={() => current && onInsert(filled, current.status)}>
          {t('inbox.compose.insert')}
        </Button>
        <Button size="sm" variant="ghost" onClick={onClose}>
          {t('action.cancel')}
        </Button>
      </div>
    </section>
  );
}
