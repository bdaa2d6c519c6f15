import { CAMPAIGN_TEST_PREFIX, type CampaignTestRequest, type CampaignTestResult } from '@crmkit/spec';
import { type ChannelAdapter, PermanentSendError } from '../channels/channel.js';
import { dbOf, type RequestContext } from '../core/context.js';
import { newId } from '../core/ids.js';
import { fieldError, ProblemError, unprocessable } from '../http/problem.js';
import { emailHtml } from './email-html.js';
import { previewCampaign } from './preview.js';

/** The header that marks a test message, so the user's mail rules (and ours) can tell it from a real one. */
export const TEST_HEADER = 'X-Crmkit-Test';

/** The calling user's own address on `channel`, or a 422 naming the channel (users have e-mail, not phones). */
async function ownAddress(ctx: RequestContext, channel: CampaignTestRequest['channel']): Promise<string> {
  const { rows } = ctx.principal.userId
    ? await dbOf(ctx).query<{ email: string }>('SELECT email FROM users WHERE workspace_id = $1 AND id = $2', [
        ctx.principal.workspaceId,
        ctx.principal.userId,
      ])
    : { rows: [] };
  const user = rows[0];
  const address = channel === 'email' ? (user?.email ?? null) : null;
  if (address) return address;
  const why = user
    ? `you have no ${channel === 'sms' ? 'phone number' : 'e-mail address'}`
    : 'this key acts for no user';
  throw unprocessable(
    [fieldError('channel', 'noTestAddress', `${why} to send a test to`, { channel })],
    'There is nowhere to send the test to.',
  );
}

/** The channel adapter of `channel`, or a 422 saying the server has none. */
function adapterOf(channels: readonly ChannelAdapter[], channel: CampaignTestRequest['channel']): ChannelAdapter {
  const adapter = channels.find((c) => c.channel === channel);
  if (adapter) return adapter;
  throw unprocessable(
    [fieldError('channel', 'invalid', `this server has no ${channel} channel configured`)],
    'The server cannot send on this channel.',
  );
}

/**
 * Sends a campaign's content (saved or not), rendered for one real recipient — `contactId`, else the segment's first
 * member — to the calling user's own address, at once, through the same channel adapter sending uses. The message is
 * marked as a test (`[Test] ` before the subject or SMS text, and the {@link TEST_HEADER} header) and carries no
 * tracking or unsubscribe link; it is not queued in the outbox, so no recipient, funnel count or consent changes.
 * Content the workspace cannot personalise is a 422 as on save; a provider that fails is a 502.
 *
 * @example
 * const sent = await sendCampaignTest(ctx, channels, { segmentId, channel: 'email', subject: 'Ưu đãi', template });
 * sent.to; // 'lan@club.vn' — the calling user's e-mail
 */
export async function sendCampaignTest(
  ctx: RequestContext,
  channels: readonly ChannelAdapter[],
  request: CampaignTestRequest,
): Promise<CampaignTestResult> {
  const [rendered] = (await previewCampaign(ctx, { ...request, sample: 1 })).items;
  const to = await ownAddress(ctx, request.channel);
  const adapter = adapterOf(channels, request.channel);
  if (!rendered) {
    throw unprocessable(
      [fieldError('segmentId', 'invalid', 'the segment has no member to render the test for')],
      'There is no recipient to render the test for.',
    );
  }
  const email = request.channel === 'email';
  const subject = email ? `${CAMPAIGN_TEST_PREFIX}${rendered.subject ?? ''}`.trim() : null;
  const text = email ? rendered.text : `${CAMPAIGN_TEST_PREFIX}${rendered.text}`;
  const html = email
    ? emailHtml(rendered.text, { link: (u) => u, unsubscribeUrl: null, pixelUrl: null, unsubscribeLabel: '' })
    : null;
  try {
    await adapter.send({
      id: newId('msg', ctx.clock.now().getTime()),
      workspaceId: ctx.principal.workspaceId,
      channel: request.channel,
      to,
      subject,
      text,
      html,
      headers: email ? { [TEST_HEADER]: 'true' } : null,
    });
  } catch (error) {
    const permanent = error instanceof PermanentSendError;
    throw new ProblemError(502, 'bad-gateway', 'Bad gateway', {
      detail:
        `The ${request.channel} provider ${permanent ? 'refused' : 'failed to take'} the test: ${(error as Error).message}`.slice(
          0,
          1000,
        ),
    });
  }
  return {
    channel: request.channel,
    to,
    contactId: rendered.contactId,
    name: rendered.name,
    subject,
    sentAt: ctx.clock.now().toISOString(),
  };
}
