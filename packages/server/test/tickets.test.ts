import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitizeHtml, textToHtml } from '../src/tickets/sanitize.js';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
let requesterId: string;
let support: string;

async function eventsOf(resourceId: string, type?: string) {
  const { rows } = await t.db.query<{ type: string; data: any; actor_id: string | null }>(
    `SELECT type, data, actor_id FROM events WHERE workspace_id = 'ws_a' AND resource_id = $1 ${type ? 'AND type = $2' : ''} ORDER BY id`,
    type ? [resourceId, type] : [resourceId],
  );
  return rows;
}

async function setRouting(routing: unknown) {
  await t.db.query(
    `UPDATE workspaces SET settings = settings || jsonb_build_object('routing', $1::jsonb) WHERE id = 'ws_a'`,
    [JSON.stringify(routing)],
  );
}

const newTicket = (body: Record<string, unknown>, key = t.a.keys.agent) => t.call(key, 'POST', '/v1/tickets', body);

beforeAll(async () => {
  t = await startTestServer();
  support = t.a.teams.Support!;
  requesterId = (await t.call(t.a.keys.agent, 'POST', '/v1/contacts', { firstName: 'Lan', emails: ['lan@example.vn'] }))
    .body.id;
});
afterAll(() => t.close());

describe('tickets', () => {
  it('numbers tickets per workspace and stores the description as the first message', async () => {
    const first = await newTicket({
      subject: 'Cannot log in',
      requesterId,
      channel: 'email',
      description: 'Hello,\nI cannot log in since yesterday.',
    });
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(`/v1/tickets/${first.body.id}`);
    expect(first.body).toMatchObject({
      number: 1,
      subject: 'Cannot log in',
      status: 'new',
      priority: 'normal',
      channel: 'email',
      requesterId,
      assigneeId: null,
      teamId: null,
      tags: [],
      customFields: {},
      sla: null,
      lastMessageAt: t.clock.now().toISOString(),
      solvedAt: null,
      closedAt: null,
    });
    expect(first.body).not.toHaveProperty('slaStatus');
    expect(first.body).not.toHaveProperty('nextBreachAt');

    const thread = await t.call(t.a.keys.agent, 'GET', `/v1/tickets/${first.body.id}/messages`);
    expect(thread.status).toBe(200);
    expect(thread.body.data).toEqual([
      {
        id: expect.stringMatching(/^msg_/),
        ticketId: first.body.id,
        kind: 'reply',
        authorType: 'contact',
        authorId: requesterId,
        bodyHtml: '<p>Hello,<br>I cannot log in since yesterday.</p>',
        bodyText: 'Hello,\nI cannot log in since yesterday.',
        createdAt: t.clock.now().toISOString(),
      },
    ]);
    expect(thread.body.nextCursor).toBeNull();

    const second = await newTicket({ subject: 'Second' });
    expect(second.body.number).toBe(2);
    expect(second.body.lastMessageAt).toBeNull();
    const other = await newTicket({ subject: 'In B' }, t.b.keys.admin);
    expect(other.body.number).toBe(1);
  });

  it('rejects a requester from another workspace without using up a number', async () => {
    const foreign = (await t.call(t.b.keys.admin, 'POST', '/v1/contacts', { firstName: 'B' })).body.id;
    const res = await newTicket({ subject: 'x', requesterId: foreign, description: 'hi' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        path: 'requesterId',
        message: `no contact with id ${foreign}`,
        code: 'notFound',
        params: { what: 'contact', id: foreign },
      },
    ]);
    const { body } = await t.call(t.a.keys.agent, 'GET', '/v1/tickets?sort=-number&limit=1');
    const next = await newTicket({ subject: 'after the failure' });
    expect(next.body.number).toBe(body.data[0].number + 1);

    const scriptOnly = await newTicket({ subject: 'x', description: '<script>alert(1)</script>' });
    expect(scriptOnly.status).toBe(400);
    expect(scriptOnly.body.errors[0].path).toBe('description');
    const unknownField = await newTicket({ subject: 'x', sla: null });
    expect(unknownField.status).toBe(400);
    const badStatus = await newTicket({ subject: 'x', status: 'waiting' });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.errors[0].path).toBe('status');
    const viewerAssignee = await newTicket({ subject: 'x', assigneeId: t.a.users['viewer@a.test'] });
    expect(viewerAssignee.status).toBe(400);
    expect(viewerAssignee.body.errors[0].path).toBe('assigneeId');
  });

  it('stamps solvedAt and closedAt, and clears them on reopening', async () => {
    const tk = (await newTicket({ subject: 'Refund' })).body;
    const solved = await t.call(t.a.keys.agent, 'PATCH', `/v1/tickets/${tk.id}`, { status: 'solved' });
    expect(solved.body).toMatchObject({ status: 'solved', solvedAt: t.clock.now().toISOString(), closedAt: null });
    t.clock.advance({ hours: 1 });
    const closed = await t.call(t.a.keys.agent, 'PATCH', `/v1/tickets/${tk.id}`, { status: 'closed' });
    expect(closed.body.solvedAt).toBe(solved.body.solvedAt);
    expect(closed.body.closedAt).toBe(t.clock.now().toISOString());
    const reopened = await t.call(t.a.keys.agent, 'PATCH', `/v1/tickets/${tk.id}`, { status: 'open' });
    expect(reopened.body).toMatchObject({ status: 'open', solvedAt: null, closedAt: null, version: 4 });

    const filtered = await t.call(t.a.keys.viewer, 'GET', `/v1/tickets?filter[status]=open&q=refund`);
    expect(filtered.body.data.map((x: any) => x.id)).toEqual([tk.id]);
  });

  it('enforces roles: viewers read, agents work, managers delete', async () => {
    const tk = (await newTicket({ subject: 'Roles', description: 'first' })).body;
    expect((await newTicket({ subject: 'no' }, t.a.keys.viewer)).status).toBe(403);
    expect((await t.call(t.a.keys.viewer, 'GET', `/v1/tickets/${tk.id}`)).status).toBe(200);
    expect((await t.call(t.a.keys.viewer, 'GET', `/v1/tickets/${tk.id}/messages`)).status).toBe(200);
    const viewerReply = await t.call(t.a.keys.viewer, 'POST', `/v1/tickets/${tk.id}/messages`, {
      kind: 'reply',
      body: 'x',
    });
    expect(viewerReply.status).toBe(403);
    expect((await t.call(t.a.keys.agent, 'DELETE', `/v1/tickets/${tk.id}`)).status).toBe(403);
    const activity = await t.call(t.a.keys.agent, 'POST', '/v1/activities', {
      type: 'call',
      ticketId: tk.id,
      contactId: requesterId,
    });
    expect(activity.status).toBe(201);
    expect((await t.call(t.a.keys.manager, 'DELETE', `/v1/tickets/${tk.id}`)).status).toBe(204);
    expect((await t.call(t.a.keys.manager, 'GET', `/v1/tickets/${tk.id}/messages`)).status).toBe(404);
    const { rows } = await t.db.query('SELECT 1 FROM ticket_messages WHERE ticket_id = $1', [tk.id]);
    expect(rows).toHaveLength(0);
    const kept = await t.call(t.a.keys.agent, 'GET', `/v1/activities/${activity.body.id}`);
    expect(kept.body.ticketId).toBeNull();
  });
});

describe('ticket messages', () => {
  it('opens a new ticket on the first public agent reply and emits ticket.message.created', async () => {
    const tk = (await newTicket({ subject: 'Reply flow', requesterId, description: 'Help' })).body;
    t.clock.advance({ minutes: 5 });
    const note = await t.call(t.a.keys.agent, 'POST', `/v1/tickets/${tk.id}/messages`, {
      kind: 'note',
      body: 'Checking the logs',
    });
    expect(note.status).toBe(201);
    let ticket = (await t.call(t.a.keys.agent, 'GET', `/v1/tickets/${tk.id}`)).body;
    expect(ticket.status).toBe('new');
    expect(ticket.lastMessageAt).toBe(t.clock.now().toISOString());

    t.clock.advance({ minutes: 5 });
    const reply = await t.call(t.a.keys.agent, 'POST', `/v1/tickets/${tk.id}/messages`, {
      kind: 'reply',
      body: 'We are on it.',
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      ticketId: tk.id,
      kind: 'reply',
      authorType: 'user',
      authorId: t.a.users['agent@a.test'],
      bodyHtml: '<p>We are on it.</p>',
      bodyText: 'We are on it.',
      createdAt: t.clock.now().toISOString(),
    });
    ticket = (await t.call(t.a.keys.agent, 'GET', `/v1/tickets/${tk.id}`)).body;
    expect(ticket.status).toBe('open');

    const events = await eventsOf(tk.id);
    const types = events.map((e) => e.type);
    expect(types.filter((x) => x === 'ticket.message.created')).toHaveLength(2);
    const created = events.filter((e) => e.type === 'ticket.message.created').at(-1)!;
    expect(created.data).toEqual(reply.body);
    expect(created.actor_id).toBe(t.a.users['agent@a.test']);
    expect(types.at(-1)).toBe('ticket.updated');
    expect(events.at(-1)!.data.status).toBe('open');
  });

  it('lets the requester write; their reply reopens a pending ticket; agents set status with a message', async () => {
    const tk = (await newTicket({ subject: 'Customer flow', requesterId })).body;
    const pending = await t.call(t.a.keys.agent, 'POST', `/v1/tickets/${tk.id}/messages`, {
      kind: 'reply',
      body: 'Can you send a screenshot?',
      status: 'pending',
    });
    expect(pending.status).toBe(201);
    expect((await t.call(t.a.keys.agent, 'GET', `/v1/tickets/${tk.id}`)).body.status).toBe('pending');

    const customer = await t.call(t.a.keys.agent, 'POST', `/v1/tickets/${tk.id}/messages`, {
      kind: 'reply',
      authorType: 'contact',
      body: 'Here it is',
    });
    expect(customer.status).toBe(201);
    expect(customer.body).toMatchObject({ authorType: 'contact', authorId: requesterId });
    expect((await t.call(t.a.keys.agent, 'GET', `/v1/tickets/${tk.id}`)).body.status).toBe('open');

    const contactNote = await t.call(t.a.keys.agent, 'POST', `/v1/tickets/${tk.id}/messages`, {
      kind: 'note',
      authorType: 'contact',
      body: 'x',
    });
    expect(contactNote.status).toBe(400);
    expect(contactNote.body.errors[0].path).toBe('authorType');

    const contactStatus = await t.call(t.a.keys.agent, 'POST', `/v1/tickets/${tk.id}/messages`, {
      kind: 'reply',
      authorType: 'contact',
      body: 'x',
      status: 'solved',
    });
    expect(contactStatus.status).toBe(400);
    expect(contactStatus.body.errors[0].path).toBe('status');

    const noRequester = (await newTicket({ subject: 'Anonymous' })).body;
    const orphan = await t.call(t.a.keys.agent, 'POST', `/v1/tickets/${noRequester.id}/messages`, {
      kind: 'reply',
      authorType: 'contact',
      body: 'x',
    });
    expect(orphan.status).toBe(400);
    expect(orphan.body.errors[0].path).toBe('authorType');

    const solved = await t.call(t.a.keys.agent, 'POST', `/v1/tickets/${tk.id}/messages`, {
      kind: 'note',
      body: 'Fixed by deploy',
      status: 'solved',
    });
    expect(solved.status).toBe(201);
    const after = (await t.call(t.a.keys.agent, 'GET', `/v1/tickets/${tk.id}`)).body;
    expect(after).toMatchObject({ status: 'solved', solvedAt: t.clock.now().toISOString() });
  });

  it('validates the body and the ticket', async () => {
    const tk = (await newTicket({ subject: 'Validation' })).body;
    const empty = await t.call(t.a.keys.agent, 'POST', `/v1/tickets/${tk.id}/messages`, { kind: 'reply', body: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe('body');
    const onlyScript = await t.call(t.a.keys.agent, 'POST', `/v1/tickets/${tk.id}/messages`, {
      kind: 'reply',
      body: '<script>alert(1)</script>',
      bodyFormat: 'html',
    });
    expect(onlyScript.status).toBe(400);
    expect(onlyScript.body.errors[0].path).toBe('body');
    const badKind = await t.call(t.a.keys.agent, 'POST', `/v1/tickets/${tk.id}/messages`, { kind: 'sms', body: 'x' });
    expect(badKind.status).toBe(400);
    expect(badKind.body.errors[0].path).toBe('kind');
    const missing = await t.call(t.a.keys.agent, 'POST', '/v1/tickets/tkt_missing/messages', {
      kind: 'reply',
      body: 'x',
    });
    expect(missing.status).toBe(404);
    const foreign = await t.call(t.b.keys.admin, 'POST', `/v1/tickets/${tk.id}/messages`, { kind: 'reply', body: 'x' });
    expect(foreign.status).toBe(404);
    expect((await t.call(t.b.keys.admin, 'GET', `/v1/tickets/${tk.id}/messages`)).status).toBe(404);
  });

  it('paginates the thread oldest first with a cursor', async () => {
    const tk = (await newTicket({ subject: 'Long thread', requesterId, description: 'message 0' })).body;
    for (let i = 1; i <= 4; i++) {
      t.clock.advance({ minutes: 1 });
      const r = await t.call(t.a.keys.agent, 'POST', `/v1/tickets/${tk.id}/messages`, {
        kind: i % 2 ? 'note' : 'reply',
        body: `message ${i}`,
      });
      expect(r.status).toBe(201);
    }
    // Two messages in the same millisecond still come back in the order they were written.
    await t.call(t.a.keys.agent, 'POST', `/v1/tickets/${tk.id}/messages`, { kind: 'note', body: 'message 5' });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await t.call(t.a.keys.agent, 'GET', `/v1/tickets/${tk.id}/messages?limit=2${q}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((m: any) => m.bodyText));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(['message 0', 'message 1', 'message 2', 'message 3', 'message 4', 'message 5']);
    expect(pages).toBe(3);

    const bad = await t.call(t.a.keys.agent, 'GET', `/v1/tickets/${tk.id}/messages?cursor=nonsense`);
    expect(bad.status).toBe(400);
    const badLimit = await t.call(t.a.keys.agent, 'GET', `/v1/tickets/${tk.id}/messages?limit=500`);
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.errors[0].path).toBe('limit');
  });

  it('sanitises HTML bodies and escapes text bodies', async () => {
    const tk = (await newTicket({ subject: 'HTML', requesterId })).body;
    const html = await t.call(t.a.keys.agent, 'POST', `/v1/tickets/${tk.id}/messages`, {
      kind: 'reply',
      bodyFormat: 'html',
      body: '<p onclick="steal()">Hi <b>there</b><img src=x onerror=alert(1)></p><script>alert(1)</script><a href="javascript:alert(1)">click</a> <a href="https://crmkit.dev/help" target="_blank">help</a>',
    });
    expect(html.status).toBe(201);
    expect(html.body.bodyHtml).toBe(
      '<p>Hi <b>there</b></p>click <a href="https://crmkit.dev/help" rel="noopener noreferrer">help</a>',
    );
    expect(html.body.bodyText).toBe('Hi there\nclick help');

    const text = await t.call(t.a.keys.agent, 'POST', `/v1/tickets/${tk.id}/messages`, {
      kind: 'note',
      body: '<script>alert("x")</script> & more\nsecond line\n\nnew paragraph',
    });
    expect(text.body.bodyHtml).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more<br>second line</p><p>new paragraph</p>',
    );
    expect(text.body.bodyText).toBe('<script>alert("x")</script> & more\nsecond line\n\nnew paragraph');

    const described = await newTicket({
      subject: 'HTML description',
      requesterId,
      description: '<div>From the <i>web form</i><iframe src="https://evil.test"></iframe></div>',
    });
    const first = (await t.call(t.a.keys.agent, 'GET', `/v1/tickets/${described.body.id}/messages`)).body.data[0];
    expect(first.bodyHtml).toBe('From the <i>web form</i>');
  });
});

describe('sanitizeHtml', () => {
  const vectors: [string, string][] = [
    ['<script>alert(1)</script>', ''],
    ['<SCRIPT SRC=//evil.test/x.js></SCRIPT>', ''],
    ['<img src=x onerror=alert(1)>', ''],
    ['<svg onload=alert(1)><script>alert(2)</script></svg>ok', 'ok'],
    // An HTML element breaks out of SVG, as in browsers: the paragraph is HTML, the svg is dropped.
    ['<svg><p>inside svg</p></svg>', '<p>inside svg</p>'],
    ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>', ''],
    ['<iframe src="javascript:alert(1)"></iframe>', ''],
    ['<iframe srcdoc="<script>alert(1)</script>">', ''],
    ['<style>body{display:none}</style>text', 'text'],
    ['<p style="background:url(javascript:alert(1))" class="x" id="y">p</p>', '<p>p</p>'],
    ['<b onmouseover="alert(1)">b</b>', '<b>b</b>'],
    ['<a href="javascript:alert(1)">x</a>', 'x'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', 'x'],
    ['<a href=" javascript:alert(1)">x</a>', 'x'],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', 'x'],
    ['<a href="jav\tascript:alert(1)">x</a>', 'x'],
    ['<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>', 'x'],
    ['<a href="javascript&colon;alert(1)">x</a>', 'x'],
    ['<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', 'x'],
    ['<a href="vbscript:msgbox(1)">x</a>', 'x'],
    ['<a href="/relative">x</a>', 'x'],
    ['<a href="//evil.test">x</a>', 'x'],
    [
      '<a href="http://ok.test/?a=1&amp;b=2" onclick="x()">ok</a>',
      '<a href="http://ok.test/?a=1&amp;b=2" rel="noopener noreferrer">ok</a>',
    ],
    [
      '<a href="mailto:help@crmkit.dev">mail</a>',
      '<a href="mailto:help@crmkit.dev" rel="noopener noreferrer">mail</a>',
    ],
    [
      '<a href=\'https://x.test/"onmouseover="alert(1)\'>q</a>',
      '<a href="https://x.test/&quot;onmouseover=&quot;alert(1)" rel="noopener noreferrer">q</a>',
    ],
    ['<p title="</p><script>alert(1)</script>">t</p>', '<p>t</p>'],
    ['<noscript><p title="</noscript><img src=x onerror=alert(1)>">', '&quot;&gt;'],
    ['<scr<script>ipt>alert(1)</scr</script>ipt>', 'ipt&gt;alert(1)ipt&gt;'],
    ['<<script>script>alert(1)<</script>/script>', '&lt;/script&gt;'],
    ['<!--<script>alert(1)</script>-->c', 'c'],
    ['<![CDATA[<script>alert(1)</script>]]>', 'alert(1)]]&gt;'],
    ['<a href="https://ok.test"', ''],
    ['<object data="x.swf"><embed src="x.swf"></object>', ''],
    ['<form action="https://evil.test"><input name="pw"><button>Go</button></form>', 'Go'],
    ['<table><tr><td>cell</td></tr></table>', 'cell'],
    ['<base href="https://evil.test/"><link rel=stylesheet href=x><meta http-equiv="refresh" content="0">', ''],
    ['<ul><li>one<li>two</ul>', '<ul><li>one</li><li>two</li></ul>'],
    ['<p>a<p>b<ul><li>c</ul>', '<p>a</p><p>b</p><ul><li>c</li></ul>'],
    ['<pre><code>if (a &lt; b) {}</code></pre>', '<pre><code>if (a &lt; b) {}</code></pre>'],
    ['<blockquote>quote<u>d</u></blockquote>', '<blockquote>quote<u>d</u></blockquote>'],
    ['<em>unclosed <strong>tags', '<em>unclosed <strong>tags</strong></em>'],
    // A stray </p> makes an empty paragraph, as in browsers; a stray </b> is ignored.
    ['stray </b></p> closers', 'stray <p></p> closers'],
    // Parser differentials: each is parsed as a browser parses it, then rebuilt from the allow-list.
    ['<svg><style><img src=x onerror=alert(1)></style></svg>after', 'after'],
    [
      '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>"></textarea></mtext></svg></mglyph></mi></math>',
      '',
    ],
    ['<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>', ''],
    [
      '<a href="https://ok.test" title="<img src=x onerror=alert(1)>">t</a>',
      '<a href="https://ok.test" rel="noopener noreferrer">t</a>',
    ],
    ['<p>x<table><tr><td><script>alert(1)</script>cell</td></tr></table>y</p>', '<p>x</p>celly<p></p>'],
    ['<template><script>alert(1)</script></template>t', 't'],
    [
      '<a href="https://a.test">one<a href="https://b.test">two</a>',
      '<a href="https://a.test" rel="noopener noreferrer">one</a><a href="https://b.test" rel="noopener noreferrer">two</a>',
    ],
    ['\u202egnp.exe', '\u202egnp.exe'],
    ['1 < 2 > 0 & "q"', '1 &lt; 2 &gt; 0 &amp; &quot;q&quot;'],
  ];

  it.each(vectors)('%s', (input, expected) => {
    expect(sanitizeHtml(input).html).toBe(expected);
  });

  it('never lets an executable construct through', () => {
    for (const [input] of vectors) {
      const out = sanitizeHtml(input).html;
      expect(out).not.toMatch(/<(script|style|iframe|img|svg|math|object|embed|form|input|base|meta|link)\b/i);
      expect(out).not.toMatch(/\son\w+\s*=/i);
      expect(out).not.toMatch(/href="(?!https?:|mailto:)/i);
    }
  });

  it('extracts plain text with line breaks', () => {
    expect(sanitizeHtml('<p>Hello   <b>world</b></p><p>second<br>line</p><ul><li>a</li><li>b</li></ul>').text).toBe(
      'Hello world\nsecond\nline\na\nb',
    );
    expect(sanitizeHtml('<pre>  indented\n    code</pre>').text).toBe('indented\n    code');
    // Every character reference of the HTML standard, as browsers decode them.
    expect(sanitizeHtml('caf&eacute; &amp; &#x1F600; &lt;tag&gt; &notit; &#0;').text).toBe(
      'café & 😀 <tag> ¬it; \ufffd',
    );
    expect(textToHtml('a\r\nb').html).toBe('<p>a<br>b</p>');
  });
});

describe('auto-assignment', () => {
  let agents: string[];
  let unavailable: string;

  beforeAll(async () => {
    const make = async (name: string, available: boolean, role = 'agent') =>
      (
        await t.call(t.a.keys.admin, 'POST', '/v1/users', {
          name,
          email: `${name}@a.test`,
          role,
          teamIds: [support],
          available,
        })
      ).body.id as string;
    const a1 = await make('rr1', true);
    unavailable = await make('rr2', false);
    const a3 = await make('rr3', true, 'manager');
    await make('rr-viewer', true, 'viewer');
    agents = [a1, a3].sort();
    await setRouting({ defaultTeamId: support, rules: [] });
  });

  it('routes to the default team and assigns round robin among available agents', async () => {
    const assignees: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await newTicket({ subject: `RR ${i}`, requesterId });
      expect(res.status).toBe(201);
      expect(res.body.teamId).toBe(support);
      assignees.push(res.body.assigneeId);
    }
    expect(assignees).not.toContain(unavailable);
    expect(new Set(assignees)).toEqual(new Set(agents));
    for (let i = 1; i < assignees.length; i++) expect(assignees[i]).not.toBe(assignees[i - 1]);
    expect(assignees).toEqual([0, 1, 2, 3, 4].map((i) => agents[(agents.indexOf(assignees[0]!) + i) % 2]));

    const last = (await t.call(t.a.keys.agent, 'GET', '/v1/tickets?sort=-number&limit=1')).body.data[0];
    const assigned = await eventsOf(last.id, 'ticket.assigned');
    expect(assigned).toHaveLength(1);
    expect(assigned[0]!.data.assigneeId).toBe(last.assigneeId);
  });

  it('goes round three available agents in order, skipping unavailable ones', async () => {
    await t.call(t.a.keys.admin, 'PATCH', `/v1/users/${unavailable}`, { available: true });
    const all = [...agents, unavailable].sort();
    const assignees: string[] = [];
    for (let i = 0; i < 6; i++) assignees.push((await newTicket({ subject: `RR3 ${i}` })).body.assigneeId);
    const start = all.indexOf(assignees[0]!);
    expect(assignees).toEqual([0, 1, 2, 3, 4, 5].map((i) => all[(start + i) % 3]));

    await t.call(t.a.keys.admin, 'PATCH', `/v1/users/${unavailable}`, { available: false });
    const next = await Promise.all([0, 1, 2, 3].map((i) => newTicket({ subject: `parallel ${i}` })));
    const ids = next.map((r) => r.body.assigneeId);
    expect(ids).not.toContain(unavailable);
    const byNumber = next.map((r) => r.body).sort((a, b) => a.number - b.number);
    for (let i = 1; i < byNumber.length; i++) expect(byNumber[i].assigneeId).not.toBe(byNumber[i - 1].assigneeId);
  });

  it('keeps an explicit assignee or team, follows routing rules, and leaves tickets team-only without agents', async () => {
    const explicit = await newTicket({ subject: 'Mine', assigneeId: t.a.users['agent@a.test'] });
    expect(explicit.body).toMatchObject({ assigneeId: t.a.users['agent@a.test'], teamId: null });

    const vip = (await t.call(t.a.keys.admin, 'POST', '/v1/teams', { name: 'VIP' })).body.id;
    await setRouting({ defaultTeamId: support, rules: [{ channels: ['phone'], priorities: ['urgent'], teamId: vip }] });
    const routed = await newTicket({ subject: 'Urgent call', channel: 'phone', priority: 'urgent' });
    expect(routed.body).toMatchObject({ teamId: vip, assigneeId: null });
    expect(await eventsOf(routed.body.id, 'ticket.assigned')).toHaveLength(0);
    const notRouted = await newTicket({ subject: 'Normal call', channel: 'phone' });
    expect(notRouted.body.teamId).toBe(support);

    const explicitTeam = await newTicket({ subject: 'To VIP', teamId: vip, channel: 'email' });
    expect(explicitTeam.body.teamId).toBe(vip);

    await setRouting({ defaultTeamId: 'tea_deleted', rules: [] });
    const nowhere = await newTicket({ subject: 'No team' });
    expect(nowhere.status).toBe(201);
    expect(nowhere.body).toMatchObject({ teamId: null, assigneeId: null });
  });

  it('emits ticket.assigned when an agent is assigned by hand', async () => {
    const tk = (await newTicket({ subject: 'Manual' })).body;
    const res = await t.call(t.a.keys.agent, 'PATCH', `/v1/tickets/${tk.id}`, {
      assigneeId: t.a.users['manager@a.test'],
    });
    expect(res.status).toBe(200);
    const events = await eventsOf(tk.id);
    expect(events.at(-1)).toMatchObject({ type: 'ticket.assigned' });
    expect(events.at(-1)!.data.assigneeId).toBe(t.a.users['manager@a.test']);
    const tags = await t.call(t.a.keys.agent, 'PATCH', `/v1/tickets/${tk.id}`, { tags: ['vip', 'vip'] });
    expect(tags.body.tags).toEqual(['vip']);
    expect((await eventsOf(tk.id)).at(-1)!.type).toBe('ticket.updated');
  });
});
