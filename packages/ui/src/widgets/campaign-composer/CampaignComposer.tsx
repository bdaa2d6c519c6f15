import type { Campaign } from '@crmkit/client';
import { useCampaign, useCan, useMe, useSchema } from '@crmkit/react';
import type { CSSProperties, ReactNode } from 'react';
import { useT } from '../../context/i18n.js';
import { MessagesScope } from '../../context/scope.js';
import { campaignComposerMessages } from '../../i18n/messages/campaign-composer/index.js';
import { problemMessages } from '../../i18n/messages/problems/index.js';
import type { HeadingLevel } from '../../primitives/Card.js';
import { CrmRoot } from '../../primitives/CrmRoot.js';
import { Skeleton } from '../../primitives/Skeleton.js';
import { StateView } from '../../primitives/StateView.js';
import { ComposerForm } from './ComposerForm.js';

/** Props of {@link CampaignComposer}. */
export interface CampaignComposerProps {
  /** The campaign to open; without it the composer starts a new one (and edits it after its first save). */
  campaignId?: string;
  /** The segment a new campaign goes to (the user can choose another). */
  defaultSegmentId?: string;
  /** Called after each save with the campaign as stored (its `id` once created). */
  onSaved?: (campaign: Campaign) => void;
  /** Called once the campaign is scheduled (or sending now). */
  onScheduled?: (campaign: Campaign) => void;
  /** Called once a scheduled or sending campaign is cancelled. */
  onCancelled?: (campaign: Campaign) => void;
  /** The heading (default the campaign's name, or "New campaign"). */
  title?: ReactNode;
  /** Level of the heading in the host's outline (default 2). */
  headingLevel?: HeadingLevel;
  /** Class names for the widget's root element (also settable for every widget with `appearance.elements`). */
  className?: string;
  /** Inline styles for the widget's root element. */
  style?: CSSProperties;
}

/**
 * Writes a campaign to a segment of contacts: the segment (with how many members it has now), the channel (e-mail or
 * SMS), the subject and a plain-text message with placeholders picked from the workspace's contact fields, custom
 * fields included (`{{contact.firstName|bạn}}`, with what to write when a value is missing). A live preview renders
 * the message on the server for the segment's real members, one at a time, with the fallbacks they got and whether
 * they would be skipped (no address, no consent) — as text, never as HTML. The server's validation errors show on the
 * field they are about, while typing and on save. "Send a test to me" sends the message, as the previewed recipient
 * would get it, to the user's own address. Then save the draft, schedule it (now, or at a time in the workspace's or
 * each recipient's time zone, at most so many an hour) after a confirmation, or cancel it while it is scheduled or
 * sending. Those who may only read campaigns see them read-only, with the preview; on a server without campaigns
 * (`capabilities.campaigns`) it says so instead.
 *
 * Keyboard: every control is native; "Insert placeholder" puts the placeholder where the caret was in the subject or
 * the message and moves focus back there; the confirmations are alert dialogs whose first button cancels.
 *
 * @example
 * <CampaignComposer defaultSegmentId={segment.id} onScheduled={(c) => router.push(`/campaigns/${c.id}`)} />
 * <CampaignComposer campaignId={id} onSaved={(c) => toast(`Saved ${c.name}`)} />
 */
export function CampaignComposer(props: CampaignComposerProps) {
  return (
    <MessagesScope part={[campaignComposerMessages, problemMessages]}>
      <Composer {...props} />
    </MessagesScope>
  );
}

function Composer({ campaignId, className, style, headingLevel = 2, ...rest }: CampaignComposerProps) {
  const t = useT();
  const schema = useSchema();
  const me = useMe();
  const available = schema.data?.capabilities.campaigns === true;
  const saved = useCampaign(available ? campaignId : undefined);
  const canRead = useCan('read', 'campaigns');
  const canWrite = useCan(campaignId ? 'update' : 'create', 'campaigns');

  let body: ReactNode;
  if (schema.error) body = <StateView error={schema.error} onRetry={() => void schema.refetch()} />;
  else if (me.error) body = <StateView error={me.error} onRetry={() => void me.refetch()} />;
  else if (!schema.data || me.isPending) body = <Loading label={t('state.loading')} />;
  else if (!available) body = <StateView state="empty" title={t('composer.unavailable')} />;
  else if (!canRead || (!campaignId && !canWrite)) body = <StateView state="forbidden" />;
  else if (campaignId && saved.error) body = <StateView error={saved.error} onRetry={() => void saved.refetch()} />;
  else if (campaignId && !saved.data) body = <Loading label={t('state.loading')} />;
  else {
    body = (
      <ComposerForm
        key={saved.data?.id ?? 'new'}
        campaign={saved.data}
        canWrite={canWrite}
        headingLevel={headingLevel}
        {...rest}
      />
    );
  }
  return (
    <CrmRoot part="campaignComposer" className={className} style={style}>
      {body}
    </CrmRoot>
  );
}

function Loading({ label }: { label: string }) {
  return (
    <div className="crm-cc-loading" role="status" aria-label={label}>
      <Skeleton lines={6} />
    </div>
  );
}
