import { contactName } from '@crmkit/core';
import type { CampaignPreview, CampaignPreviewRequest, Consent, Segment } from '@crmkit/spec';
import { contactResource } from '../contacts/resource.js';
import type { RequestContext } from '../core/context.js';
import { fieldError, validationFailed } from '../http/problem.js';
import { hasConsent } from '../outbox/outbox.js';
import type { Params } from '../query/sql.js';
import { authorize, getRecord, listRecords } from '../resources/engine.js';
import { compileSegment } from '../segments/compile.js';
import { segmentResource } from '../segments/resource.js';
import { emailHtml } from './email-html.js';
import { addressOf, type ContactValues, renderFor, validateContent } from './template.js';

/** How many members a preview renders unless asked. */
const DEFAULT_SAMPLE = 3;

/** The words of the unsubscribe link in the e-mail footer. */
export const UNSUBSCRIBE_LABEL = 'Unsubscribe';

/** The contacts a preview renders for: the one asked for, else the segment's first members. */
async function previewContacts(ctx: RequestContext, request: CampaignPreviewRequest) {
  if (request.contactId) return [await getRecord(ctx, contactResource, request.contactId)];
  const segment = (await getRecord(ctx, segmentResource, request.segmentId)) as unknown as Segment;
  if (segment.resource !== 'contacts') {
    throw validationFailed([fieldError('segmentId', 'invalid', 'a campaign goes to a segment of contacts')]);
  }
  const now = ctx.clock.now();
  const where = (params: Params) => [compileSegment(ctx, contactResource, 'contacts', segment.filter, now, params)];
  return (await listRecords(ctx, contactResource, { limit: request.sample ?? DEFAULT_SAMPLE, where })).data;
}

/**
 * A campaign's content rendered for real recipients, exactly as sending renders it (subject, text, and the e-mail's
 * escaped HTML with its links as written): the first members of the segment, or one given contact. Placeholders the
 * workspace lacks are a 422, as on save.
 *
 * @example
 * const { items } = await previewCampaign(ctx, { segmentId, channel: 'email', subject: 'Hi', template: 'Chào {{contact.firstName|bạn}}' });
 */
export async function previewCampaign(ctx: RequestContext, request: CampaignPreviewRequest): Promise<CampaignPreview> {
  authorize(ctx, segmentResource, 'read');
  authorize(ctx, contactResource, 'read');
  const content = { channel: request.channel, subject: request.subject ?? null, template: request.template };
  validateContent(ctx.principal.settings, content);
  const contacts = await previewContacts(ctx, request);
  return {
    items: contacts.map((record) => {
      const contact = record as unknown as ContactValues & { consent: Consent };
      const rendered = renderFor(content, contact, ctx.principal.workspaceName);
      const html =
        request.channel === 'email'
          ? emailHtml(rendered.text, {
              link: (url) => url,
              unsubscribeUrl: null,
              pixelUrl: null,
              unsubscribeLabel: UNSUBSCRIBE_LABEL,
            })
          : null;
      return {
        contactId: contact.id,
        name: contactName(contact),
        address: addressOf(contact, request.channel),
        consent: hasConsent(contact.consent, request.channel),
        subject: rendered.subject,
        text: rendered.text,
        html,
        fallbacks: rendered.fallbacks,
      };
    }),
  };
}
