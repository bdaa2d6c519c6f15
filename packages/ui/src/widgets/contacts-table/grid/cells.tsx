import type { Schemas } from '@crmkit/client';
import { type Format, localize } from '@crmkit/react';
import type { ReactNode } from 'react';
import type { Translate } from '../../../i18n/translate.js';
import { Avatar } from '../../../primitives/Avatar.js';
import { Badge, type BadgeProps } from '../../../primitives/Badge.js';
import { VisuallyHidden } from '../../../primitives/VisuallyHidden.js';
import { stageLabel } from '../../shared/fields/labels.js';
import { isEmpty } from '../../shared/fields/values.js';

type FieldDefinition = Schemas['FieldDefinition'];
type LifecycleStage = Schemas['LifecycleStage'];

/** Badge tone of each lifecycle stage (the text names the stage too). */
export const STAGE_TONE: Record<LifecycleStage, NonNullable<BadgeProps['tone']>> = {
  potential: 'warning',
  active: 'success',
  loyal: 'primary',
  lost: 'neutral',
};

/** What cells need besides the value: the translator, formatting and names of related records. */
export interface CellContext {
  t: Translate;
  f: Format;
  locale: string;
  users: Map<string, string>;
  companies: Map<string, string>;
  schema: Schemas['WorkspaceSchema'] | undefined;
  /** Links in cells are reached with the grid's arrow keys, not Tab. */
  tabIndex: number;
}

/** A muted dash, read as "Not set". */
export function NotSet({ t }: { t: Translate }) {
  return (
    <span className="crm-ct-empty">
      <span aria-hidden="true">—</span>
      <VisuallyHidden>{t('field.notSet')}</VisuallyHidden>
    </span>
  );
}

/** "+2" after the first values of a list, named "2 more" for screen readers through the title. */
function More({ count }: { count: number }) {
  return count > 0 ? <span className="crm-ct-more">+{count}</span> : null;
}

/**
 * A cell's content by the field's type: lifecycle stages as badges, owners with their avatar, emails and phones as
 * links, dates, money and numbers through `Intl`, tags as badges, booleans as words. Always text, never HTML.
 */
export function renderCell(field: FieldDefinition, value: unknown, ctx: CellContext): ReactNode {
  const { t, f, locale } = ctx;
  if (isEmpty(value)) return <NotSet t={t} />;
  if (!field.custom) {
    switch (field.key) {
      case 'lifecycleStage': {
        const stage = value as LifecycleStage;
        return (
          <Badge tone={STAGE_TONE[stage] ?? 'neutral'} dot>
            {stageLabel(stage, ctx)}
          </Badge>
        );
      }
      case 'ownerId': {
        const name = ctx.users.get(String(value));
        if (!name) return <span className="crm-ct-muted">{t('field.unassigned')}</span>;
        return (
          <span className="crm-ct-person">
            <Avatar name={name} size="sm" />
            <span className="crm-ct-text">{name}</span>
          </span>
        );
      }
      case 'companyId': {
        const name = ctx.companies.get(String(value));
        return name ? <span className="crm-ct-text">{name}</span> : <span className="crm-ct-muted">…</span>;
      }
      case 'source': {
        const source = ctx.schema?.leadSources.find((s) => s.key === value);
        return <span className="crm-ct-text">{source ? localize(source.label, locale) : String(value)}</span>;
      }
      case 'lastContactedAt':
        return (
          <time className="crm-ct-text" dateTime={String(value)} title={f.dateTime(String(value))}>
            {f.relative(String(value))}
          </time>
        );
    }
  }
  const option = (v: unknown) => {
    const o = field.options?.find((x) => x.value === v);
    return o ? localize(o.label, locale) : String(v);
  };
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  switch (field.type) {
    case 'email':
      return (
        <span className="crm-ct-list">
          <a className="crm-ct-link" href={`mailto:${list[0]}`} tabIndex={ctx.tabIndex} data-focus-target="">
            {String(list[0])}
          </a>
          <More count={list.length - 1} />
        </span>
      );
    case 'phone':
      return (
        <span className="crm-ct-list">
          <a className="crm-ct-link" href={`tel:${list[0]}`} tabIndex={ctx.tabIndex} data-focus-target="">
            {f.phone(String(list[0]))}
          </a>
          <More count={list.length - 1} />
        </span>
      );
    case 'url':
      return /^https?:\/\//i.test(String(value)) ? (
        <a
          className="crm-ct-link"
          href={String(value)}
          target="_blank"
          rel="noopener noreferrer"
          tabIndex={ctx.tabIndex}
          data-focus-target=""
        >
          {String(value).replace(/^https?:\/\//i, '')}
        </a>
      ) : (
        <span className="crm-ct-text">{String(value)}</span>
      );
    case 'multiselect':
      return (
        <span className="crm-ct-list">
          {list.slice(0, 2).map((v) => (
            <Badge key={String(v)} title={option(v)}>
              <span className="crm-ct-badge-text">{option(v)}</span>
            </Badge>
          ))}
          <More count={list.length - 2} />
        </span>
      );
    case 'select':
      return <span className="crm-ct-text">{option(value)}</span>;
    case 'currency':
      return <span className="crm-ct-num">{f.money(Number(value), field.currency)}</span>;
    case 'number':
      return <span className="crm-ct-num">{f.number(Number(value))}</span>;
    case 'date':
      return (
        <time className="crm-ct-text" dateTime={String(value)}>
          {f.date(String(value))}
        </time>
      );
    case 'boolean':
      return <span className="crm-ct-text">{t(value ? 'value.yes' : 'value.no')}</span>;
    default:
      return <span className="crm-ct-text">{String(value)}</span>;
  }
}
