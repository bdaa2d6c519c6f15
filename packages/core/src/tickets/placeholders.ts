import { escapeHtml } from './message-html.js';

/**
 * The placeholders a canned response may use, `{{contact.firstName}}` and so on: the server refuses a canned response
 * with any other, and the composer fills these from the ticket, its requester and the agent before sending.
 */
export const PLACEHOLDERS = [
  'contact.firstName',
  'contact.lastName',
  'contact.name',
  'contact.email',
  'ticket.number',
  'ticket.subject',
  'agent.name',
  'agent.firstName',
  'workspace.name',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Values to fill placeholders with; a missing one becomes empty text. */
export type PlaceholderValues = Partial<Record<Placeholder, string | number | null>>;

const PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * The placeholders a text uses that are not in {@link PLACEHOLDERS}, with where they start — what a save is refused
 * for. A `{{` without a closing `}}` is not a placeholder.
 *
 * @example
 * unknownPlaceholders('Hi {{contact.firstName}}, {{ticket.id}}'); // [{ name: 'ticket.id', index: 28 }]
 */
export function unknownPlaceholders(text: string): { name: string; index: number }[] {
  const out: { name: string; index: number }[] = [];
  for (const m of text.matchAll(PATTERN)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(m[1]!)) out.push({ name: m[1]!, index: m.index });
  }
  return out;
}

/**
 * Fills the placeholders of a canned response's HTML with `values`, each escaped as HTML text (so a name like
 * `<b>Lan</b>` stays text). Unknown placeholders are left as written.
 *
 * @example
 * fillPlaceholders('<p>Hi {{contact.firstName}}</p>', { 'contact.firstName': 'Lan' }); // '<p>Hi Lan</p>'
 */
export function fillPlaceholders(html: string, values: PlaceholderValues): string {
  return html.replace(PATTERN, (whole, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? escapeHtml(String(values[name as Placeholder] ?? '')) : whole,
  );
}
