import type { Schemas } from '@crmkit/client';
import { localize, useCrm, useFormat } from '@crmkit/react';
import { useT } from '../../../context/i18n.js';
import { Badge } from '../../../primitives/Badge.js';
import { isEmpty } from './values.js';

type FieldDefinition = Schemas['FieldDefinition'];

/**
 * A field's value shown by its type: select options by their label, money in the field's currency, dates in the
 * locale, booleans as words, links for emails, phones and URLs. Always text — never HTML from the record.
 *
 * @example
 * <FieldValue field={field} value={fieldValue(contact, field)} />
 */
export function FieldValue({ field, value }: { field: FieldDefinition; value: unknown }) {
  const t = useT();
  const f = useFormat();
  const { locale } = useCrm();
  if (isEmpty(value)) {
    return <span className="crm-muted">{t('field.notSet')}</span>;
  }
  const option = (v: unknown) => {
    const o = field.options?.find((x) => x.value === v);
    return o ? localize(o.label, locale) : String(v);
  };
  switch (field.type) {
    case 'select':
      return <>{option(value)}</>;
    case 'multiselect':
      return (
        <span className="crm-badges">
          {(value as unknown[]).map((v) => (
            <Badge key={String(v)}>{option(v)}</Badge>
          ))}
        </span>
      );
    case 'currency':
      return <>{f.money(Number(value), field.currency)}</>;
    case 'number':
      return <>{f.number(Number(value))}</>;
    case 'date':
      return <>{f.date(String(value))}</>;
    case 'boolean':
      return <>{t(value ? 'value.yes' : 'value.no')}</>;
    case 'email':
      return <a href={`mailto:${value}`}>{String(value)}</a>;
    case 'phone':
      return <a href={`tel:${value}`}>{f.phone(String(value))}</a>;
    case 'url':
      return /^https?:\/\//i.test(String(value)) ? (
        <a href={String(value)} target="_blank" rel="noopener noreferrer">
          {String(value)}
        </a>
      ) : (
        String(value)
      );
    default:
      return <>{String(value)}</>;
  }
}
