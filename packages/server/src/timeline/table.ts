import type { TableDef } from '../resources/table.js';

/**
 * How activities are stored: the activities table that every record's timeline reads (`filter[contactId]=…`).
 * Shared by the activities resource and by the domains that write `system` activities or unlink their records.
 */
export const activityTable: TableDef = {
  table: 'activities',
  idPrefix: 'act',
  fields: {
    type: { column: 'type', kind: 'text', notNull: true },
    direction: { column: 'direction', kind: 'text' },
    subject: { column: 'subject', kind: 'text' },
    body: { column: 'body', kind: 'text' },
    outcome: { column: 'outcome', kind: 'text' },
    purpose: { column: 'purpose', kind: 'text' },
    occurredAt: { column: 'occurred_at', kind: 'ts', notNull: true },
    dueAt: { column: 'due_at', kind: 'ts' },
    completedAt: { column: 'completed_at', kind: 'ts' },
    durationSeconds: { column: 'duration_seconds', kind: 'int' },
    contactId: { column: 'contact_id', kind: 'text' },
    companyId: { column: 'company_id', kind: 'text' },
    dealId: { column: 'deal_id', kind: 'text' },
    ticketId: { column: 'ticket_id', kind: 'text' },
    assigneeId: { column: 'assignee_id', kind: 'text' },
    authorId: { column: 'author_id', kind: 'text', readOnly: true },
    tags: { column: 'tags', kind: 'textarr', notNull: true },
  },
};
