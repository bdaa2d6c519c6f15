/** A composer's unsent work on one ticket. */
export interface Draft {
  kind: 'reply' | 'note';
  html: string;
  /** The status to set with the message, or '' to keep it. */
  status: string;
}

const PREFIX = 'crmkit.inbox.draft.';

/** Where drafts live: `localStorage` when the browser allows it (private modes may not), else nowhere. */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * The draft of a ticket, kept across navigation and reloads (per browser, per ticket), or null.
 *
 * @example
 * const draft = loadDraft(ticketId) ?? { kind: 'reply', html: '', status: '' };
 */
export function loadDraft(ticketId: string): Draft | null {
  try {
    const raw = storage()?.getItem(PREFIX + ticketId);
    const d = raw ? (JSON.parse(raw) as Partial<Draft>) : null;
    if (!d || typeof d.html !== 'string') return null;
    return {
      kind: d.kind === 'note' ? 'note' : 'reply',
      html: d.html,
      status: typeof d.status === 'string' ? d.status : '',
    };
  } catch {
    return null;
  }
}

/** Keeps (or, when empty, forgets) the draft of a ticket. Failing storage (full, denied) loses nothing on screen. */
export function saveDraft(ticketId: string, draft: Draft | null): void {
  try {
    if (!draft || (draft.html.trim() === '' && draft.status === '')) storage()?.removeItem(PREFIX + ticketId);
    else storage()?.setItem(PREFIX + ticketId, JSON.stringify(draft));
  } catch {
    // Storage full or denied: the draft stays in the composer.
  }
}
