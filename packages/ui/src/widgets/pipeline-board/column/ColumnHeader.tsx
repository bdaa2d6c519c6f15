import type { NextActivityState } from '@crmkit/core';
import type { ActivityCounts, CurrencyTotals, Format, StageTotals } from '@crmkit/react';
import { useT } from '../../../context/i18n.js';
import { IconButton } from '../../../primitives/IconButton.js';
import * as icons from '../../../primitives/icons.js';
import type { BoardStage } from './deal-facts.js';

const STATES: readonly NextActivityState[] = ['overdue', 'today', 'future', 'none'];

/** Amounts per currency, never added across currencies: `₫1.2B · $12K`. */
export function amounts(
  f: Format,
  list: readonly Pick<CurrencyTotals, 'currency' | 'sum' | 'count'>[],
  key: 'sum' | 'weightedSum' = 'sum',
) {
  const shown = list.filter((c, i) => i === 0 || c.count > 0);
  return shown.map((c) => f.money((c as CurrencyTotals)[key] ?? 0, c.currency, { compact: true })).join(' · ');
}

/** The stage's totals as per-currency lists (its pipeline's currency first). */
export function stageCurrencies(totals: StageTotals): CurrencyTotals[] {
  return [
    {
      currency: totals.currency,
      count: totals.count - totals.otherCurrencies.reduce((n, g) => n + g.count, 0),
      sum: totals.sum,
      weightedSum: totals.weightedSum,
    },
    ...totals.otherCurrencies.map((g) => ({
      currency: g.currency,
      count: g.count,
      sum: g.sum,
      weightedSum: g.weightedSum,
    })),
  ];
}

/**
 * A column's progress bar: its deals by the state of their next activity (overdue, due today, planned, none), as
 * Odoo's kanban shows it. The bar is decorative; its numbers are in its accessible name.
 */
export function ActivityBar({ counts }: { counts: ActivityCounts }) {
  const t = useT();
  const total = STATES.reduce((n, s) => n + counts[s], 0);
  const label = t('board.activity.summary', counts);
  return (
    <div className="crm-pb-activity" role="img" aria-label={label} title={label}>
      {total > 0 &&
        STATES.map((s) =>
          counts[s] > 0 ? (
            <span key={s} className="crm-pb-activity-part" data-state={s} style={{ flexGrow: counts[s] }} />
          ) : null,
        )}
    </div>
  );
}

/** Props of {@link ColumnHeader}. */
export interface ColumnHeaderProps {
  stage: BoardStage;
  headingId: string;
  headingLevel: number;
  count: number | undefined;
  totals: StageTotals | undefined;
  activity: ActivityCounts | undefined;
  collapsed: boolean;
  f: Format;
  onToggle: () => void;
  /** Present when the user may add deals here: opens the quick-add form. */
  onAdd?: () => void;
  entity: string;
  entities: string;
}

/** A column's name, count, per-currency total and weighted total, activity bar, fold button and quick add. */
export function ColumnHeader({
  stage,
  headingId,
  headingLevel,
  count,
  totals,
  activity,
  collapsed,
  f,
  onToggle,
  onAdd,
  entity,
  entities,
}: ColumnHeaderProps) {
  const t = useT();
  const Heading = `h${Math.min(6, headingLevel)}` as 'h3';
  const currencies = totals ? stageCurrencies(totals) : [];
  return (
    <header className="crm-pb-col-header">
      <div className="crm-pb-col-title">
        <IconButton
          icon={collapsed ? icons.chevronRight : icons.chevronLeft}
          size="sm"
          aria-label={t(collapsed ? 'board.column.expand' : 'board.column.collapse', { stage: stage.name })}
          aria-expanded={!collapsed}
          onClick={onToggle}
          className="crm-pb-col-toggle"
        />
        <Heading id={headingId} className="crm-pb-col-name">
          {stage.name}
        </Heading>
        {count !== undefined && (
          <span
            className="crm-pb-col-count"
            title={t('board.count', { count, label: count === 1 ? entity : entities })}
          >
            {f.number(count)}
          </span>
        )}
        {onAdd && !collapsed && (
          <IconButton
            icon={icons.plus}
            size="sm"
            aria-label={t('board.column.add', { entity, stage: stage.name })}
            onClick={onAdd}
            className="crm-pb-col-add"
          />
        )}
      </div>
      {!collapsed && (
        <>
          <p className="crm-pb-col-totals">
            <span>{t('board.column.total', { amount: currencies.length ? amounts(f, currencies) : '—' })}</span>
            <span>
              {t('board.column.weighted', {
                amount: currencies.length ? amounts(f, currencies, 'weightedSum') : '—',
              })}
            </span>
          </p>
          {activity && <ActivityBar counts={activity} />}
        </>
      )}
    </header>
  );
}
