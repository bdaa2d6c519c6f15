import type { Schemas } from '@crmkit/client';
import { localize } from '@crmkit/react';
import { memo, type ReactNode } from 'react';
import { cx, usePart } from '../../../context/parts.js';
import { Avatar } from '../../../primitives/Avatar.js';
import { Icon } from '../../../primitives/Icon.js';
import * as icons from '../../../primitives/icons.js';
import { VisuallyHidden } from '../../../primitives/VisuallyHidden.js';
import { fieldValue } from '../../shared/fields/values.js';
import { CardMenu } from './CardMenu.js';
import type { CardContext } from './card-context.js';
import { type BoardDeal, dealFacts } from './deal-facts.js';

type FieldDefinition = Schemas['FieldDefinition'];

/** Props of {@link DealCard}. */
export interface DealCardProps {
  deal: BoardDeal;
  context: CardContext;
  /** The one card of the board in the tab order. */
  tabbable?: boolean;
  /** Being moved: shown faded where it was. */
  lifted?: boolean;
  /** The drag preview (not interactive, hidden from assistive technology). */
  preview?: boolean;
}

/** A custom or built-in field's value as plain text for a one-line card row (no links: a card is one tab stop). */
function fieldText(field: FieldDefinition, value: unknown, { t, f, locale }: CardContext): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return '—';
  const option = (v: unknown) => {
    const o = field.options?.find((x) => x.value === v);
    return o ? localize(o.label, locale) : String(v);
  };
  switch (field.type) {
    case 'select':
      return option(value);
    case 'multiselect':
      return f.list((value as unknown[]).map(option));
    case 'currency':
      return f.money(Number(value), field.currency);
    case 'number':
      return f.number(Number(value));
    case 'date':
      return f.date(String(value));
    case 'boolean':
      return t(value ? 'value.yes' : 'value.no');
    default:
      return String(value);
  }
}

/** Days in stage as the card shows them: a number and the locale's narrowest day unit (`12d`, `12 ngày`). */
const DAYS: Intl.NumberFormatOptions = { style: 'unit', unit: 'day', unitDisplay: 'narrow' };

const Line = ({ className, children }: { className?: string; children?: ReactNode }) => (
  <div className={cx('crm-pb-line', className)}>{children}</div>
);

/**
 * One deal on the board: name, company (or contact), amount and probability, owner, expected close (marked when
 * past), days in stage, an idle ("rotting") mark, the next activity, tags and the host's card fields — each on one
 * line of fixed height, so every card of a board is as tall as the others and columns can be virtualized by
 * arithmetic. Focusable; the "Move…" menu is the pointer-free way to move it (WCAG 2.5.7) — loaded with the board's
 * extras ({@link CardMenu}: its button shows meanwhile).
 */
export const DealCard = memo(function DealCard({ deal, context: c, tabbable, lifted, preview }: DealCardProps) {
  const { t, f } = c;
  const part = usePart('pipelineCard', { className: 'crm-pb-card' });
  const stage = c.stages.find((s) => s.id === deal.stageId);
  const facts = dealFacts(deal, stage, c.now, c.today, (t) => f.dayKey(new Date(t)));
  const company =
    (deal.companyId && c.names.get(deal.companyId)) || (deal.contactIds[0] && c.names.get(deal.contactIds[0]));
  const owner = deal.ownerId ? c.owners.get(deal.ownerId) : undefined;
  const nameId = `crm-pb-${deal.id}-name`;
  const activityText = {
    overdue: () => t('board.card.nextOverdue', { date: f.date(deal.nextActivityAt!, 'medium') }),
    today: () => t('board.card.nextToday'),
    future: () => t('board.card.nextFuture', { date: f.date(deal.nextActivityAt!, 'medium') }),
    none: () => t('board.card.nextNone'),
  }[facts.activity]();
  const rottingText = facts.rottingDays !== undefined && t('board.card.rotting', { count: facts.rottingDays });
  const closeText =
    deal.expectedCloseDate &&
    t(facts.closeOverdue ? 'board.card.closeOverdue' : 'board.card.closes', {
      date: f.date(deal.expectedCloseDate, 'medium'),
    });
  const inStage = t('board.card.inStage', { count: facts.daysInStage });
  return (
    <article
      {...part}
      data-deal-id={preview ? undefined : deal.id}
      data-lifted={lifted || undefined}
      data-preview={preview || undefined}
      data-rotting={facts.rottingDays !== undefined || undefined}
      tabIndex={preview ? undefined : tabbable ? 0 : -1}
      aria-labelledby={preview ? undefined : nameId}
      aria-describedby={preview ? undefined : c.helpId}
      aria-hidden={preview || undefined}
    >
      <Line className="crm-pb-card-title">
        <span id={nameId} className="crm-pb-card-name">
          {deal.name}
        </span>
        {c.canMove && !preview && <CardMenu deal={deal} context={c} tabbable={tabbable} />}
      </Line>
      <Line className="crm-pb-card-sub">{company || '\u00a0'}</Line>
      <Line className="crm-pb-card-value">
        <strong className="crm-pb-card-amount">
          {deal.amount === null ? '—' : f.money(deal.amount, deal.currency)}
        </strong>
        <span
          className="crm-pb-card-probability"
          title={t('board.card.probability', { percent: f.percent(deal.probability) })}
        >
          {f.percent(deal.probability)}
        </span>
        {rottingText && (
          <span className="crm-pb-rotting" title={rottingText}>
            <Icon icon={icons.alert} />
            <span className="crm-pb-rotting-text">{rottingText}</span>
          </span>
        )}
      </Line>
      <Line className="crm-pb-card-meta">
        {owner && (
          <span className="crm-pb-card-owner" title={t('board.card.owner', { name: owner })}>
            <Avatar name={owner} size="sm" className="crm-pb-card-avatar" />
            <span aria-hidden="true">{owner}</span>
            <VisuallyHidden>{t('board.card.owner', { name: owner })}</VisuallyHidden>
          </span>
        )}
        {closeText && (
          <span className="crm-pb-card-close" data-overdue={facts.closeOverdue || undefined} title={closeText}>
            <Icon icon={icons.calendar} />
            <span className="crm-pb-card-close-text">{closeText}</span>
          </span>
        )}
      </Line>
      <Line className="crm-pb-card-meta">
        <span className="crm-pb-next" data-state={facts.activity} title={activityText}>
          <span className="crm-pb-next-dot" aria-hidden="true" />
          <span className="crm-pb-next-text">{activityText}</span>
        </span>
        <span className="crm-pb-card-age" title={inStage}>
          <Icon icon={icons.clock} />
          <span aria-hidden="true">{f.number(facts.daysInStage, DAYS)}</span>
          <VisuallyHidden>{inStage}</VisuallyHidden>
        </span>
      </Line>
      <Line className="crm-pb-card-tags">
        {deal.tags.map((tag) => (
          <span key={tag} className="crm-pb-tag">
            {tag}
          </span>
        ))}
      </Line>
      {c.cardFields.map((field) => (
        <Line key={field.key} className="crm-pb-card-field">
          <span className="crm-pb-card-field-label">{localize(field.label, c.locale)}: </span>
          {fieldText(field, fieldValue(deal, field), c)}
        </Line>
      ))}
    </article>
  );
});
