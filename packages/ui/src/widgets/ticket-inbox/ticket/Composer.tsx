import type { PlaceholderValues } from '@crmkit/core/tickets';
import { staleMessages, useReplyTicket } from '@crmkit/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useAnnounce } from '../../../context/announce.js';
import { useT } from '../../../context/i18n.js';
import { Button } from '../../../primitives/Button.js';
import { Dialog } from '../../../primitives/Dialog.js';
import { Select } from '../../../primitives/Field.js';
import * as icons from '../../../primitives/icons.js';
import type { Message, Ticket, useTicketFacts } from '../common/labels.js';
import { CannedPicker } from './CannedPicker.js';
import { type Draft, loadDraft, saveDraft } from './drafts.js';
import { Editor, type EditorHandle } from './Editor.js';
import { MessageBody } from './MessageBody.js';

/** Props of {@link Composer}. */
export interface ComposerProps {
  ticket: Ticket;
  me: { id: string; name: string; teamIds: string[] };
  /** The newest message of the thread on screen: what a reply started now has seen. */
  newestId: string | null;
  /** A keyboard request to reply or write a note (focuses the composer in that mode). */
  command: { kind: 'reply' | 'note'; at: number } | null;
  assigneeName: string | undefined;
  values: PlaceholderValues;
  facts: ReturnType<typeof useTicketFacts>;
  /** The agent is writing (or not): presence shows them as replying. */
  onWriting: (writing: boolean) => void;
}

/**
 * Reply to the customer or write an internal note, in rich text limited to what the server keeps, optionally setting
 * the status in the same step; canned responses with their placeholders filled; the draft kept per ticket across
 * navigation and reloads; Ctrl/⌘+Enter sends. A reply to a ticket assigned to someone else asks first; a reply whose
 * thread gained messages since the agent started writing is held back by the server and shown with those messages,
 * to send anyway or revise.
 */
export function Composer({ ticket, me, newestId, command, assigneeName, values, facts, onWriting }: ComposerProps) {
  const t = useT();
  const announce = useAnnounce();
  const editor = useRef<EditorHandle>(null);
  const [draft, setDraft] = useState<Draft>(() => loadDraft(ticket.id) ?? { kind: 'reply', html: '', status: '' });
  const [canned, setCanned] = useState<string | null>(null);
  const [confirmOthers, setConfirmOthers] = useState(false);
  const [held, setHeld] = useState<Message[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** The newest message when the agent started this message: a reply is held back if the thread moved on since. */
  const seen = useRef<string | null | undefined>(undefined);
  const reply = useReplyTicket();

  useEffect(() => saveDraft(ticket.id, draft), [ticket.id, draft]);
  useEffect(() => {
    const writing = draft.html.replace(/<[^>]*>/g, '').trim() !== '';
    if (writing && seen.current === undefined) seen.current = newestId;
    onWriting(writing);
  }, [draft.html, newestId, onWriting]);
  useEffect(() => {
    if (!command) return;
    setDraft((d) => ({ ...d, kind: command.kind }));
    editor.current?.focus();
  }, [command]);

  const update = useCallback((html: string) => setDraft((d) => ({ ...d, html })), []);
  const send = (opts: { others?: boolean; lastSeen?: string | null } = {}) => {
    const html = editor.current?.html() ?? '';
    if (!editor.current?.text()) {
      setProblem(t('inbox.compose.empty'));
      return;
    }
    if (draft.kind === 'reply' && !opts.others && ticket.assigneeId && ticket.assigneeId !== me.id) {
      setConfirmOthers(true);
      return;
    }
    setProblem(null);
    setHeld(null);
    const lastSeen = opts.lastSeen !== undefined ? opts.lastSeen : (seen.current ?? newestId);
    reply.mutate(
      {
        ticketId: ticket.id,
        kind: draft.kind,
        body: html,
        bodyFormat: 'html',
        ...(draft.status ? { status: draft.status as Ticket['status'] } : {}),
        ...(draft.kind === 'reply' ? { lastSeenMessageId: lastSeen } : {}),
      },
      {
        onSuccess: () => {
          seen.current = undefined;
          editor.current?.clear();
          setDraft({ kind: draft.kind, html: '', status: '' });
          announce(t('state.saved'));
        },
        onError: (error) => {
          const unseen = staleMessages(error);
          if (unseen) setHeld(unseen);
          else setProblem(t('inbox.compose.failed', { reason: error.message }));
        },
      },
    );
  };
  const statusOptions = (facts.schema?.ticketStatuses ?? []).map((s) => ({ value: s.key, label: facts.status(s.key) }));
  const label = draft.kind === 'note' ? t('inbox.compose.note') : t('inbox.compose.reply');
  return (
    <section className="crm-inbox-composer" data-kind={draft.kind} aria-label={label}>
      <div className="crm-inbox-composer-modes">
        <fieldset className="crm-inbox-modes">
          <legend className="crm-inbox-legend">{t('inbox.compose.label')}</legend>
          {(['reply', 'note'] as const).map((kind) => (
            <label key={kind} className="crm-inbox-mode" data-checked={draft.kind === kind || undefined}>
              <input
                type="radio"
                name={`kind-${ticket.id}`}
                checked={draft.kind === kind}
                onChange={() => setDraft((d) => ({ ...d, kind }))}
              />
              {t(`inbox.compose.${kind}`)}
            </label>
          ))}
        </fieldset>
        <Button size="sm" variant="ghost" icon={icons.note} onClick={() => setCanned('')}>
          {t('inbox.compose.canned')}
        </Button>
      </div>
      {canned !== null && (
        <CannedPicker
          initialQuery={canned}
          values={values}
          teamIds={me.teamIds}
          onClose={() => setCanned(null)}
          onInsert={(html, status) => {
            setCanned(null);
            editor.current?.insert(html);
            if (status) setDraft((d) => ({ ...d, status }));
          }}
        />
      )}
      <Editor
        ref={editor}
        label={label}
        placeholder={t(draft.kind === 'note' ? 'inbox.compose.placeholderNote' : 'inbox.compose.placeholderReply')}
        initialHtml={draft.html}
        onChange={update}
        onSubmit={() => send()}
        onShortcut={(word) => word !== null && word.length > 0 && setCanned(word)}
      />
      {held && (
        <div className="crm-inbox-held" role="alert">
          <strong>{t('inbox.stale.title')}</strong>
          <p>{t('inbox.stale.description')}</p>
          {held.map((m) => (
            <article key={m.id} className="crm-inbox-message" data-kind={m.kind} data-author={m.authorType}>
              <MessageBody html={m.bodyHtml} />
            </article>
          ))}
          <div className="crm-inbox-held-actions">
            <Button size="sm" onClick={() => send({ others: true, lastSeen: held.at(-1)?.id ?? null })}>
              {t('inbox.stale.send')}
            </Button>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => {
                seen.current = held.at(-1)?.id ?? seen.current;
                setHeld(null);
                editor.current?.focus();
              }}
            >
              {t('inbox.stale.revise')}
            </Button>
          </div>
        </div>
      )}
      {problem && (
        <p className="crm-inbox-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="crm-inbox-composer-foot">
        <Select
          label={t('inbox.compose.setStatus')}
          value={draft.status}
          placeholder={t('inbox.compose.keepStatus')}
          options={statusOptions}
          onChange={(e) => setDraft((d) => ({ ...d, status: e.target.value }))}
        />
        <span className="crm-inbox-muted">{t('inbox.compose.shortcut')}</span>
        <Button onClick={() => send()} loading={reply.isPending}>
          {draft.status ? t('inbox.compose.sendAs', { status: facts.status(draft.status) }) : t('inbox.compose.send')}
        </Button>
      </div>
      <Dialog
        open={confirmOthers}
        onOpenChange={setConfirmOthers}
        role="alertdialog"
        size="sm"
        title={t('inbox.others.title', { name: assigneeName ?? '…' })}
        description={t('inbox.others.description')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirmOthers(false)}>
              {t('action.cancel')}
            </Button>
            <Button
              onClick={() => {
                setConfirmOthers(false);
                send({ others: true });
              }}
            >
              {t('inbox.others.send')}
            </Button>
          </>
        }
      />
    </section>
  );
}
