import type { Campaign, CampaignRecipient } from '@crmkit/client';
import { useCampaignRecipients, useExportCampaignRecipients, useFormat } from '@crmkit/react';
import { useAnnounce } from '../../context/announce.js';
import { useT } from '../../context/i18n.js';
import { Button } from '../../primitives/Button.js';
import { Select } from '../../primitives/Field.js';
import * as icons from '../../primitives/icons.js';
import { Skeleton } from '../../primitives/Skeleton.js';
import { StateView } from '../../primitives/StateView.js';
import { Opener } from '../shared/cards/Opener.js';
import { LoadMore } from '../shared/lists/LoadMore.js';
import { fileName, saveFile } from './download.js';
import { RECIPIENT_STATUSES, statusTime } from './steps.js';

type Status = CampaignRecipient['status'];

/** Props of {@link Recipients}. */
export interface RecipientsProps {
  /** The heading's id (the table is labelled by it). */
  id: string;
  campaign: Campaign;
  /** The status shown (`undefined`: every recipient). */
  status: Status | undefined;
  onStatus: (status: Status | undefined) => void;
  onOpenContact: ((contactId: string) => void) | undefined;
  pageSize: number;
}

/**
 * The campaign's recipients: a status filter, how many match, "Export CSV" of those (the server writes the file, for
 * every matching recipient, not only the loaded ones), and a table of name, address, status and times, a page at a
 * time.
 *
 * @example
 * <Recipients id={`${id}-recipients`} campaign={campaign} status={status} onStatus={setStatus} pageSize={50} />
 */
export function Recipients({ id, campaign, status, onStatus, onOpenContact, pageSize }: RecipientsProps) {
  const t = useT();
  const f = useFormat();
  const announce = useAnnounce();
  const list = useCampaignRecipients(campaign.id, status ? { status, limit: pageSize } : { limit: pageSize });
  const exporter = useExportCampaignRecipients();
  const { items, count } = list;
  const at = (value: string | null) => (value ? f.dateTime(value) : '—');

  const exportCsv = async () => {
    const blob = await exporter.mutateAsync({ id: campaign.id, status }).catch(() => null);
    if (!blob) return;
    saveFile(blob, fileName([campaign.name, status ? t(`report.recipient.${status}`) : ''], 'csv'));
    announce(t('report.exported'));
  };

  let body: React.ReactNode;
  if (list.error && !items.length) body = <StateView error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.isPending) {
    body = (
      <div className="crm-list-loading" role="status" aria-label={t('state.loading')}>
        <Skeleton lines={3} />
      </div>
    );
  } else if (!items.length) {
    const title = status ? t('report.noRecipients') : t('report.recipientsCount', { count: 0 });
    body = <StateView state="empty" compact title={title} />;
  } else {
    body = (
      <div className="crm-cr-scroll">
        <table className="crm-cr-table crm-cr-recipients" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{t('report.contact')}</th>
              <th scope="col">{t('report.address')}</th>
              <th scope="col">{t('report.statusHeader')}</th>
              <th scope="col">{t('report.sentHeader')}</th>
              <th scope="col">{t('report.sinceHeader')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Opener id={r.contactId} onOpen={onOpenContact}>
                    {r.name || r.address || '—'}
                  </Opener>
                </th>
                <td className="crm-cr-address">{r.address ?? '—'}</td>
                <td>
                  <span className="crm-cr-status" data-status={r.status}>
                    {t(`report.recipient.${r.status}`)}
                  </span>
                  {r.skipReason && <span className="crm-cr-why"> ({t(`report.skip.${r.skipReason}`)})</span>}
                  {r.error && !r.skipReason && <span className="crm-cr-why"> ({r.error})</span>}
                </td>
                <td>{at(r.sentAt)}</td>
                <td>{at(statusTime(r))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <>
      <div className="crm-cr-toolbar">
        <Select
          label={t('report.filter')}
          className="crm-cr-filter"
          value={status ?? ''}
          onChange={(e) => onStatus((e.target.value || undefined) as Status | undefined)}
          placeholder={t('report.filterAll')}
          options={RECIPIENT_STATUSES.map((s) => ({ value: s, label: t(`report.recipient.${s}`) }))}
        />
        <span className="crm-cr-count" role="status">
          {count && t(count.exact ? 'report.recipientsCount' : 'report.recipientsAbout', { count: count.value })}
        </span>
        <Button size="sm" icon={icons.download} loading={exporter.isPending} onClick={() => void exportCsv()}>
          {t('report.export')}
        </Button>
      </div>
      {exporter.error && (
        <p role="alert" className="crm-list-error">
          {t('report.exportFailed')}
        </p>
      )}
      {body}
      <LoadMore list={list} shown={items.length} />
    </>
  );
}
