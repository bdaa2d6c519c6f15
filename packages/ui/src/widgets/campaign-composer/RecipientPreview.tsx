import type { CampaignPreview } from '@crmkit/client';
import { type ReactNode, useId } from 'react';
import { useT } from '../../context/i18n.js';
import { IconButton } from '../../primitives/IconButton.js';
import * as icons from '../../primitives/icons.js';
import { Spinner } from '../../primitives/Spinner.js';
import { usePlaceholders } from './placeholders.js';

/** Props of {@link RecipientPreview}. */
export interface RecipientPreviewProps {
  /** The server's rendering for the segment's first members; undefined before the first answer. */
  preview: CampaignPreview | undefined;
  /** Rendering new content (the previous answer stays meanwhile). */
  busy: boolean;
  /** Nothing to preview yet (no segment or no message). */
  idle: boolean;
  /** The preview failed for a reason no field shows. */
  failed: boolean;
  /** The recipient shown. */
  index: number;
  onIndex: (index: number) => void;
}

/**
 * The message as one real recipient gets it, rendered by the server, stepping through the segment's first members.
 * It shows the server's plain text — never HTML — with what fell back and whether the recipient would be skipped;
 * Previous / Next wrap around, so they are never disabled under the keyboard's focus.
 */
export function RecipientPreview({ preview, busy, idle, failed, index, onIndex }: RecipientPreviewProps) {
  const t = useT();
  const id = useId();
  const placeholders = usePlaceholders();
  const items = preview?.items ?? [];
  const item = items[Math.min(index, items.length - 1)];
  const labelOf = (path: string) =>
    [...placeholders.contact, ...placeholders.custom, ...placeholders.workspace].find((p) => p.path === path)?.label ??
    path;

  let body: ReactNode;
  if (idle) body = <p className="crm-cc-muted">{t('composer.previewEmpty')}</p>;
  else if (failed && !item) body = <p className="crm-cc-muted">{t('composer.previewFailed')}</p>;
  else if (!preview) body = <Spinner label={t('state.loading')} />;
  else if (!item) body = <p className="crm-cc-muted">{t('composer.previewNobody')}</p>;
  else {
    const n = items.indexOf(item);
    body = (
      <>
        <div className="crm-cc-stepper">
          <IconButton
            icon={icons.chevronLeft}
            aria-label={t('composer.previous')}
            size="sm"
            onClick={() => onIndex((n + items.length - 1) % items.length)}
          />
          <p className="crm-cc-recipient" aria-live="polite">
            {t('composer.recipient', { n: n + 1, total: items.length, name: item.name })}
            {item.address && <span className="crm-cc-muted"> · {item.address}</span>}
          </p>
          <IconButton
            icon={icons.chevronRight}
            aria-label={t('composer.next')}
            size="sm"
            onClick={() => onIndex((n + 1) % items.length)}
          />
        </div>
        {(!item.address || !item.consent) && (
          <p className="crm-cc-warning">{t(item.address ? 'composer.noConsent' : 'composer.noAddress')}</p>
        )}
        <article className="crm-cc-message" aria-label={item.name}>
          {item.subject !== null && <p className="crm-cc-subject">{item.subject}</p>}
          <div className="crm-cc-text">{item.text}</div>
        </article>
        {item.fallbacks.length > 0 && (
          <p className="crm-cc-muted">
            {t('composer.fallbacksUsed', { fields: item.fallbacks.map(labelOf).join(', ') })}
          </p>
        )}
      </>
    );
  }
  return (
    <section className="crm-cc-preview" aria-labelledby={`${id}-title`} aria-busy={busy || undefined}>
      <h3 id={`${id}-title`} className="crm-cc-heading">
        {t('composer.preview')}
      </h3>
      {body}
    </section>
  );
}
