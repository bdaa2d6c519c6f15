import { contactName } from '@crmkit/core';
import { parseTemplate, renderTemplate } from '@crmkit/core/templates';
import { CAMPAIGN_CONTACT_FIELDS, type CampaignChannel } from '@crmkit/spec';
import type { WorkspaceSettings } from '../core/settings.js';
import { fieldError, unprocessable } from '../http/problem.js';
import { customFieldDefs } from '../resources/custom-fields.js';

/** The content of a campaign that is rendered per recipient. */
export interface CampaignContent {
  channel: CampaignChannel;
  subject: string | null;
  template: string;
}

/** The placeholders a template may name in this workspace: the contact's fields, its custom fields, the workspace. */
export function allowedPlaceholders(settings: WorkspaceSettings): Set<string> {
  return new Set([
    ...CAMPAIGN_CONTACT_FIELDS.map((f) => `contact.${f}`),
    ...customFieldDefs(settings, 'contact').map((d) => `contact.customFields.${d.key}`),
    'workspace.name',
  ]);
}

/**
 * Throws a 422 problem naming each placeholder of the subject and template the workspace has no value for
 * (`unknownPlaceholder`), and each `{{` / `}}` that opens no well-formed placeholder (`malformedPlaceholder`): what
 * would otherwise print as `{{…}}` or as nothing in every recipient's message. With `sending`, an e-mail without a
 * subject is refused too.
 *
 * @example
 * validateContent(settings, { channel: 'email', subject: 'Hi', template: 'Chào {{contact.frist}}' });
 * // throws 422: errors [{ path: 'template', code: 'unknownPlaceholder', params: { placeholder: 'contact.frist' } }]
 */
export function validateContent(settings: WorkspaceSettings, content: CampaignContent, sending = false): void {
  const allowed = allowedPlaceholders(settings);
  const errors = [];
  const texts: [string, string | null][] = [
    ['subject', content.channel === 'email' ? content.subject : null],
    ['template', content.template],
  ];
  for (const [path, text] of texts) {
    if (text === null) continue;
    const { placeholders, malformed } = parseTemplate(text);
    for (const placeholder of new Set(placeholders.map((p) => p.path))) {
      if (!allowed.has(placeholder)) {
        errors.push(
          fieldError(path, 'unknownPlaceholder', `there is no placeholder {{${placeholder}}}`, { placeholder }),
        );
      }
    }
    if (malformed) {
      errors.push(fieldError(path, 'malformedPlaceholder', 'a "{{" or "}}" that is no placeholder would be printed'));
    }
  }
  if (sending && content.channel === 'email' && !content.subject?.trim()) {
    errors.push(fieldError('subject', 'required', 'an e-mail needs a subject'));
  }
  if (errors.length > 0) throw unprocessable(errors, 'The campaign cannot be personalised as written.');
}

/** A contact as the renderer reads it. */
export interface ContactValues {
  id: string;
  firstName: string;
  lastName: string;
  emails: string[];
  phones: string[];
  title: string | null;
  birthday: string | null;
  lifecycleStage: string;
  tags: string[];
  customFields: Record<string, unknown>;
}

/** A message rendered for one contact, before e-mail HTML and tracking. */
export interface RenderedText {
  subject: string | null;
  text: string;
  /** Placeholders whose value was missing (their fallback, or nothing, was used). */
  fallbacks: string[];
}

/**
 * Renders a campaign's subject and text for one contact; a missing value takes its fallback, never the `{{…}}`.
 *
 * @example
 * renderFor({ channel: 'sms', subject: null, template: 'Chào {{contact.firstName|bạn}}' }, contact, 'Lotus');
 */
export function renderFor(content: CampaignContent, contact: ContactValues, workspaceName: string): RenderedText {
  const values = {
    contact: {
      ...contact,
      name: contact.firstName || contact.lastName ? contactName(contact) : null,
      email: contact.emails[0] ?? null,
      phone: contact.phones[0] ?? null,
    },
    workspace: { name: workspaceName },
  };
  const fallbacks: string[] = [];
  const subject =
    content.channel === 'email' && content.subject
      ? renderTemplate(content.subject, values, fallbacks)
          .replace(/[\r\n]+/g, ' ')
          .slice(0, 300)
      : null;
  const text = renderTemplate(content.template, values, fallbacks);
  return { subject, text, fallbacks: [...new Set(fallbacks)] };
}

/** The address a contact is messaged at on `channel`: the primary e-mail or phone, or null. */
export const addressOf = (contact: Pick<ContactValues, 'emails' | 'phones'>, channel: CampaignChannel) =>
  (channel === 'email' ? contact.emails[0] : contact.phones[0]) ?? null;
