import type { Database } from '@crmkit/server';

/** Options of {@link addBigInbox}. */
export interface BigInboxOptions {
  /** Tickets to create (default 100,000). */
  tickets?: number;
  /** Messages in the one long thread (default 2,000). */
  threadMessages?: number;
  /** Who the tickets are assigned to (default: spread over the workspace's agents, every third unassigned). */
  assigneeId?: string;
  /** Prefix of the ids (default `big`). */
  id?: string;
}

/** What {@link addBigInbox} made. */
export interface BigInbox {
  /** The ticket with the long thread. */
  longThreadId: string;
  requesterIds: string[];
}

/** 24×7 in UTC and one policy, so every ticket has an SLA clock whatever the hour. */
export const BIG_INBOX_SETTINGS = {
  businessCalendars: [{ id: 'cal_big', name: 'Always', timeZone: 'UTC', weeklyHours: [], holidays: [] }],
  slaPolicies: [
    {
      id: 'sla_big',
      name: 'Standard',
      position: 0,
      calendarId: 'cal_big',
      conditions: {},
      targets: {
        low: { firstResponseMinutes: 480, nextResponseMinutes: 480, resolutionMinutes: 4320 },
        normal: { firstResponseMinutes: 240, nextResponseMinutes: 240, resolutionMinutes: 2880 },
        high: { firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 1440 },
        urgent: { firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: 480 },
      },
      warnBeforeMinutes: 30,
    },
  ],
};

/**
 * Adds a support inbox at scale to a workspace with SQL, one statement per table (the API would take many minutes):
 * 1,000 requesters; `tickets` tickets spread over statuses, priorities, channels and tags, with SLA state whose due
 * times run from long overdue to days ahead (so the at-risk and breached views fill), a first message each and its
 * summary; and one ticket whose thread holds `threadMessages` messages, replies and internal notes alternating. The
 * workspace gets a 24×7 SLA policy. For the inbox's benchmark and its 100,000-ticket story.
 *
 * @example
 * const sandbox = await startSandbox();
 * const { longThreadId } = await addBigInbox(sandbox.db, sandbox.workspaces[0].id, { tickets: 100_000 });
 */
export async function addBigInbox(
  db: Database,
  workspaceId: string,
  { tickets = 100_000, threadMessages = 2_000, assigneeId, id = 'big' }: BigInboxOptions = {},
): Promise<BigInbox> {
  const now = new Date();
  const at = now.toISOString();
  await db.query(`UPDATE workspaces SET settings = settings || $2::jsonb WHERE id = $1`, [
    workspaceId,
    JSON.stringify(BIG_INBOX_SETTINGS),
  ]);
  await db.query(
    `INSERT INTO contacts (id, workspace_id, created_at, updated_at, search_text, first_name, last_name, emails)
     SELECT $1 || '_con' || lpad(i::text, 4, '0'), $2, $3, $3,
            lower('khách ' || i || ' nguyễn'), 'Khách ' || i, 'Nguyễn', ARRAY['khach' || i || '@example.vn']
     FROM generate_series(0, 999) AS i`,
    [id, workspaceId, at],
  );
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM users WHERE workspace_id = $1 AND role <> 'viewer' ORDER BY id`,
    [workspaceId],
  );
  const agents = assigneeId ? [assigneeId] : rows.map((r) => r.id);
  const { rows: seq } = await db.query<{ n: number }>(
    'UPDATE workspaces SET ticket_seq = ticket_seq + $2 WHERE id = $1 RETURNING ticket_seq - $2 AS n',
    [workspaceId, tickets],
  );
  const first = seq[0]!.n;
  // Ticket i: created i/4 minutes before now; its next due time between 2 h overdue and 2 days ahead.
  await db.query(
    `INSERT INTO tickets (id, workspace_id, created_at, updated_at, search_text, number, subject, status, priority,
                          channel, requester_id, assignee_id, tags, sla, sla_status, next_breach_at,
                          last_message_at, last_message)
     SELECT tid, $2, created, created, lower(subject), $6 + i + 1, subject, status, priority, channel, requester,
            assignee, tags,
            jsonb_build_object('policyId', 'sla_big', 'status', sla_status, 'firstResponseDueAt', to_json(due)#>>'{}',
              'firstResponseAt', null, 'firstResponseBreached', sla_status = 'missed', 'nextResponseDueAt', null,
              'nextResponseBreached', false, 'resolutionDueAt', to_json(due + interval '1 day')#>>'{}',
              'resolutionBreached', false, 'pausedAt', CASE WHEN sla_status = 'paused' THEN to_json(created)#>>'{}' END,
              'nextBreachAt', CASE WHEN sla_status = 'active' THEN to_json(due)#>>'{}' END),
            sla_status, CASE WHEN sla_status = 'active' THEN due END, created,
            jsonb_build_object('id', tid || '_m', 'authorType', 'contact', 'authorId', requester,
              'snippet', 'Xin chào, tôi cần hỗ trợ về đơn hàng ' || i, 'createdAt', to_json(created)#>>'{}')
     FROM (
       SELECT i, $1 || '_tkt' || lpad(i::text, 6, '0') AS tid,
              $3::timestamptz - (i / 4) * interval '1 minute' AS created,
              $3::timestamptz + ((i * 7919) % 3000 - 120) * interval '1 minute' AS due,
              'Đơn hàng ' || i || ' – không đăng nhập được' AS subject,
              (ARRAY['new', 'open', 'open', 'pending', 'on_hold', 'open'])[1 + i % 6] AS status,
              (ARRAY['normal', 'high', 'low', 'urgent', 'normal'])[1 + i % 5] AS priority,
              (ARRAY['email', 'web', 'chat', 'phone'])[1 + i % 4] AS channel,
              $1 || '_con' || lpad((i % 1000)::text, 4, '0') AS requester,
              CASE WHEN i % 3 = 2 THEN NULL ELSE ($4::text[])[1 + i % cardinality($4::text[])] END AS assignee,
              CASE WHEN i % 5 = 0 THEN ARRAY['vip'] WHEN i % 5 = 1 THEN ARRAY['billing', 'refund'] ELSE '{}' END AS tags,
              CASE WHEN i % 6 IN (3, 4) THEN 'paused' WHEN (i * 7919) % 3000 < 120 THEN 'missed' ELSE 'active' END
                AS sla_status
       FROM generate_series(0, $5 - 1) AS i
     ) t`,
    [id, workspaceId, at, agents, tickets, first],
  );
  await db.query(
    `INSERT INTO ticket_messages (id, workspace_id, ticket_id, kind, author_type, author_id, body_html, body_text, created_at)
     SELECT id || '_m', workspace_id, id, 'reply', 'contact', requester_id,
            '<p>' || (last_message->>'snippet') || '</p>', last_message->>'snippet', created_at
     FROM tickets WHERE workspace_id = $1 AND id LIKE $2 || '_tkt%'`,
    [workspaceId, id],
  );
  const longThreadId = `${id}_tkt${'0'.padStart(6, '0')}`;
  await db.query(
    `INSERT INTO ticket_messages (id, workspace_id, ticket_id, kind, author_type, author_id, body_html, body_text, created_at)
     SELECT $1 || '_long' || lpad(i::text, 5, '0'), $2, $1 || '_tkt000000',
            CASE WHEN i % 7 = 3 THEN 'note' ELSE 'reply' END,
            CASE WHEN i % 2 = 0 THEN 'contact' ELSE 'user' END,
            CASE WHEN i % 2 = 0 THEN $1 || '_con0000' ELSE ($4::text[])[1] END,
            '<p>Tin nhắn ' || i || ': ' || repeat('nội dung cuộc trò chuyện ', 1 + i % 12) || '</p>' ||
              CASE WHEN i % 5 = 0 THEN '<ul><li>một</li><li>hai</li></ul>' ELSE '' END,
            'Tin nhắn ' || i || ': ' || repeat('nội dung cuộc trò chuyện ', 1 + i % 12),
            $3::timestamptz - ($5 - i) * interval '1 minute'
     FROM generate_series(1, $5) AS i`,
    [id, workspaceId, at, agents, threadMessages],
  );
  return { longThreadId, requesterIds: [`${id}_con0000`] };
}
