import type { RecordOf } from '@crmkit/client';
import { COMPANY_LIMITS } from '@crmkit/core';
import { contactName, useList, useRecord } from '@crmkit/react';
import { useId, useMemo } from 'react';
import { useEntityLabel } from '../../context/labels.js';
import { Avatar } from '../../primitives/Avatar.js';
import { Card, type HeadingLevel, Section } from '../../primitives/Card.js';
import { Icon } from '../../primitives/Icon.js';
import * as icons from '../../primitives/icons.js';
import { Skeleton } from '../../primitives/Skeleton.js';
import { StateView } from '../../primitives/StateView.js';
import { type CardBaseProps, CardFrame, useCardBasics } from '../shared/cards/CardFrame.js';
import { customFieldItems, EditButton, ownerItem, TagBadges } from '../shared/cards/CardParts.js';
import { DetailList } from '../shared/cards/DetailList.js';
import { Opener } from '../shared/cards/Opener.js';
import { RelatedDeals } from '../shared/cards/RelatedDeals.js';
import { type BuiltInField, customFormFields } from '../shared/editing/form-fields.js';
import { useInlineEdit } from '../shared/editing/useInlineEdit.js';

type Company = RecordOf<'companies'>;

/** Props of {@link CompanyCard}: give `companyId` (it loads and stays live) or a `company` you already have. */
export interface CompanyCardProps extends CardBaseProps {
  /** The company to show: the card loads it and keeps it live. */
  companyId?: string;
  /** The company itself, when the host already has it (no request; `companyId` is then ignored). */
  company?: Company;
  /** Called with a person's id when their name is clicked (the host owns navigation; without it, plain text). */
  onOpenContact?: (contactId: string) => void;
  /** Called with a deal's id when its name in "Open deals" is clicked (without it, plain text). */
  onOpenDeal?: (dealId: string) => void;
  /** Called with the saved company after an inline edit is saved. */
  onSaved?: (company: Company) => void;
}

const SIZES = ['1-10', '11-50', '51-200', '201-1000', '1001+'] as const;
const PEOPLE_SHOWN = 8;

/**
 * A company at a glance: identity (name, website, industry, size), owner, phones, address, tags, custom fields, the
 * people who work there and its open deals with their total and weighted value — editable inline like the contact
 * card, and live.
 *
 * @example
 * <CompanyCard companyId={id} onOpenContact={(id) => navigate(`/contacts/${id}`)} />
 */
export function CompanyCard(props: CompanyCardProps) {
  return (
    <CardFrame
      {...props}
      resource="companies"
      id={props.companyId}
      record={props.company}
      part="companyCard"
      entity="company"
    >
      {(company) => <CompanyCardBody {...props} company={company} />}
    </CardFrame>
  );
}

function CompanyCardBody({
  company,
  variant = 'full',
  headingLevel = 2,
  editable,
  onOpenContact,
  onOpenDeal,
  onSaved,
}: CompanyCardProps & { company: Company }) {
  const { t, f, locale, schema, canEdit } = useCardBasics('companies', editable);
  const owner = useRecord('users', company.ownerId ?? undefined).data;
  const people = useList('contacts', { filter: { companyId: company.id }, sort: 'name', limit: PEOPLE_SHOWN });
  const peopleLabel = useEntityLabel('contact', 'plural');
  const sub = Math.min(headingLevel + 1, 6) as HeadingLevel;
  const H = `h${headingLevel}` as const;
  const headingId = useId();
  const fields = useMemo<BuiltInField[]>(
    () => [
      { path: 'name', label: t('card.companyName'), type: 'text', required: true, maxLength: COMPANY_LIMITS.name },
      { path: 'domain', label: t('field.domain'), type: 'text', nullable: true, maxLength: COMPANY_LIMITS.domain },
      {
        path: 'industry',
        label: t('field.industry'),
        type: 'text',
        nullable: true,
        maxLength: COMPANY_LIMITS.industry,
      },
      {
        path: 'size',
        label: t('field.size'),
        type: 'select',
        nullable: true,
        options: SIZES.map((s) => ({ value: s, label: s })),
      },
      { path: 'phones', label: t('field.phone'), type: 'phone' },
      { path: 'tags', label: t('field.tags'), type: 'tags' },
      ...customFormFields(schema?.fields.company ?? [], locale),
    ],
    [t, schema, locale],
  );
  const edit = useInlineEdit('companies', company, fields, {
    label: t('card.editName', { name: company.name }),
    onSaved,
  });
  const address = company.address
    ? [
        company.address.street,
        company.address.city,
        company.address.region,
        company.address.postalCode,
        company.address.country,
      ]
        .filter(Boolean)
        .join(', ')
    : '';

  const identity = (
    <div className="crm-card-identity">
      <Avatar name={company.name} size={variant === 'compact' ? 'lg' : 'xl'} />
      <div className="crm-card-name">
        <H id={headingId} className="crm-card-title">
          {company.name}
        </H>
        <p className="crm-muted">
          {[company.industry, company.size && t('card.employees', { size: company.size })].filter(Boolean).join(' · ')}
        </p>
        {company.tags.length > 0 && <TagBadges tags={company.tags} />}
      </div>
      {canEdit && !edit.editing && <EditButton name={company.name} onClick={edit.start} buttonRef={edit.opener} />}
    </div>
  );

  if (edit.editing) {
    return (
      <div className="crm-card">
        {identity}
        {edit.editor}
      </div>
    );
  }

  return (
    <Card header={identity} role="region" aria-labelledby={headingId}>
      {edit.status}
      <ul className="crm-channels" aria-label={t('card.channels')}>
        {company.domain && (
          <li>
            <a href={`https://${company.domain}`} target="_blank" rel="noopener noreferrer">
              <Icon icon={icons.building} />
              <span>{company.domain}</span>
            </a>
          </li>
        )}
        {company.phones.map((phone) => (
          <li key={phone}>
            <a href={`tel:${phone}`} aria-label={`${t('action.call')}: ${f.phone(phone)}`}>
              <Icon icon={icons.phone} />
              <span>{f.phone(phone)}</span>
            </a>
          </li>
        ))}
      </ul>
      {variant === 'full' && (
        <>
          <DetailList
            items={[
              ownerItem(t, owner),
              ...(address ? [{ key: 'address', term: t('field.address'), description: address }] : []),
              ...customFieldItems(schema?.fields.company, company, locale),
            ]}
          />
          <Section title={peopleLabel} headingLevel={sub}>
            {people.isPending ? (
              <Skeleton lines={2} />
            ) : people.error ? (
              <StateView compact error={people.error} onRetry={() => people.refetch()} />
            ) : !people.items.length ? (
              <p className="crm-muted">{t('card.noContacts')}</p>
            ) : (
              <ul className="crm-related">
                {people.items.map((c) => {
                  const name = contactName(c);
                  return (
                    <li key={c.id}>
                      <span className="crm-person">
                        <Avatar name={name} size="sm" />
                        <Opener id={c.id} onOpen={onOpenContact}>
                          {name}
                        </Opener>
                      </span>
                      {c.title && <span className="crm-related-meta">{c.title}</span>}
                    </li>
                  );
                })}
                {people.hasNextPage && (
                  <li>
                    <button type="button" className="crm-link" onClick={() => people.fetchNextPage()}>
                      {t('action.showMore')}
                    </button>
                  </li>
                )}
              </ul>
            )}
          </Section>
          <RelatedDeals filter={{ companyId: company.id }} onOpenDeal={onOpenDeal} headingLevel={sub} />
        </>
      )}
    </Card>
  );
}
