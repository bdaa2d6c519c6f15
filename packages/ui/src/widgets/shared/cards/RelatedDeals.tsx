import type { Filter, RecordOf } from '@crmkit/client';
import { crmQueries, useCapabilities, useCrm, useFormat, useList, useSchema } from '@crmkit/react';
import { useQuery } from '@tanstack/react-query';
import { useT } from '../../../context/i18n.js';
import type { HeadingLevel } from '../../../primitives/Card.js';
import { Section } from '../../../primitives/Card.js';
import { Skeleton } from '../../../primitives/Skeleton.js';
import { StateView } from '../../../primitives/StateView.js';
import { pipelineStageName } from '../fields/labels.js';
import { Opener } from './Opener.js';

type Deal = RecordOf<'deals'>;

/**
 * The open deals of a contact or company: name, value, stage and win probability, with the count and the
 * (probability-weighted) total in the pipeline currency — from the server's aggregates when it has them.
 *
 * @example
 * <RelatedDeals filter={{ companyId }} onOpenDeal={(id) => navigate(`/deals/${id}`)} />
 */
export function RelatedDeals({
  filter,
  onOpenDeal,
  headingLevel,
}: {
  filter: Filter<Deal>;
  onOpenDeal?: (id: string) => void;
  headingLevel?: HeadingLevel;
}) {
  const t = useT();
  const f = useFormat();
  const { client, locale } = useCrm();
  const stages = useSchema().data?.pipelines.flatMap((p) => p.stages);
  const open = { ...filter, status: 'open' } as Filter<Deal>;
  const deals = useList('deals', { filter: open, sort: '-amount', limit: 5 });
  const aggregates = useCapabilities()?.aggregates === true;
  const totals = useQuery({
    ...crmQueries.aggregate(client, { groupBy: 'status', filter: open }),
    enabled: aggregates,
  });
  const groups = aggregates
    ? (totals.data?.groups ?? [])
    : Object.values(
        deals.items.reduce<Record<string, { currency: string; count: number; sum: number; weightedSum: number }>>(
          (acc, d) => {
            const g = acc[d.currency] ?? { currency: d.currency, count: 0, sum: 0, weightedSum: 0 };
            acc[d.currency] = g;
            g.count++;
            g.sum += d.amount ?? 0;
            g.weightedSum += d.weightedAmount ?? 0;
            return acc;
          },
          {},
        ),
      );
  const count = groups.reduce((n, g) => n + g.count, 0);
  return (
    <Section title={t('field.openDeals')} headingLevel={headingLevel}>
      {deals.isPending ? (
        <Skeleton lines={2} />
      ) : deals.error ? (
        <StateView compact error={deals.error} onRetry={() => deals.refetch()} />
      ) : !deals.items.length ? (
        <p className="crm-muted">{t('card.noOpenDeals')}</p>
      ) : (
        <>
          <p className="crm-summary">
            {t('card.dealsSummary', {
              count,
              total: f.list(groups.map((g) => f.money(g.sum, g.currency))),
              weighted: f.list(groups.map((g) => f.money(g.weightedSum, g.currency))),
            })}
          </p>
          <ul className="crm-related">
            {deals.items.map((deal) => {
              const stage = stages?.find((s) => s.id === deal.stageId);
              return (
                <li key={deal.id}>
                  <Opener id={deal.id} onOpen={onOpenDeal}>
                    {deal.name}
                  </Opener>
                  <span className="crm-related-meta">
                    {deal.amount !== null && <strong>{f.money(deal.amount, deal.currency)}</strong>}
                    {stage && <span>{pipelineStageName(stage, locale)}</span>}
                    <span>{t('card.probability', { percent: f.percent(deal.probability) })}</span>
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Section>
  );
}
