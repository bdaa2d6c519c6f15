import type { RecordOf } from '@crmkit/client';
import { addressName, CONTACT_LIMITS, nameOrderOf } from '@crmkit/core';
import { contactName, localize, useList, useNow, useRecord } from '@crmkit/react';
import { useId, useMemo } from 'react';
import { Avatar } from '../../primitives/Avatar.js';
import { Badge } from '../../primitives/Badge.js';
import { Card, type HeadingLevel, Section } from '../../primitives/Card.js';
import { Icon } from '../../primitives/Icon.js';
import * as icons from '../../primitives/icons.js';
import { type CardBaseProps, CardFrame, useCardBasics } from '../shared/cards/CardFrame.js';
import { customFieldItems, EditButton, ownerItem, TagBadges } from '../shared/cards/CardParts.js';
import { DetailList } from '../shared/cards/DetailList.js';
import { Opener } from '../shared/cards/Opener.js';
import { RelatedDeals } from '../shared/cards/RelatedDeals.js';
import { RelatedTickets } from '../shared/cards/RelatedTickets.js';
import { type BuiltInField, customFormFields } from '../shared/editing/form-fields.js';
import { useInlineEdit } from '../shared/editing/useInlineEdit.js';
import { stageLabel } from '../shared/fields/labels.js';
import { nextBirthday } from './birthday.js';

type Contact = RecordOf<'contacts'>;

/** Props of {@link ContactCard}: give `contactId` (it loads and stays live) or a `contact` you already have. */
export interface ContactCardProps extends CardBaseProps {
  /** The contact to show: the card loads it and keeps it live. */
  contactId?: string;
  /** The contact itself, when the host already has it (no request; `contactId` is then ignored). */
  contact?: Contact;
  /** Called with the company's id when its name is clicked (the host owns navigation; without it, plain text). */
  onOpenCompany?: (companyId: string) => void;
  /** Called with a deal's id when its name in "Open deals" is clicked (without it, plain text). */
  onOpenDeal?: (dealId: string) => void;
  /** Called with a ticket's id when its subject in "Open tickets" is clicked (without it, plain text). */
  onOpenTicket?: (ticketId: string) => void;
  /** Called with the saved contact after an inline edit is saved. */
  onSaved?: (contact: Contact) => void;
}

const LIFECYCLE_TONES = { potential: 'primary', active: 'success', loyal: 'success', lost: 'neutral' } as const;
const CONSENT_CHANNELS = ['email', 'sms', 'phone', 'tracking'] as const;

/**
 * Everything about one contact at a glance: identity, lifecycle stage, owner, click-to-call/mail/SMS channels, tags,
 * consent, custom fields from the workspace schema, open deals and tickets, the last and next touch and an upcoming
 * birthday — with inline editing (checked, saved optimistically, and a prompt if someone else changed the contact
 * meanwhile). Live: changes by others show up as they happen.
 *
 * @example
 * <ContactCard contactId={id} onOpenCompany={(id) => navigate(`/companies/${id}`)} />
 * <ContactCard contactId={id} variant="compact" />
 */
export function ContactCard(props: ContactCardProps) {
  return (
    <CardFrame
      {...props}
      resource="contacts"
      id={props.contactId}
      record={props.contact}
      part="contactCard"
      entity="contact"
    >
      {(contact) => <ContactCardBody {...props} contact={contact} />}
    </CardFrame>
  );
}

function ContactCardBody({
  contact,
  variant = 'full',
  headingLevel = 2,
  editable,
  onOpenCompany,
  onOpenDeal,
  onOpenTicket,
  onSaved,
}: ContactCardProps & { contact: Contact }) {
  const { t, f, locale, schema, canEdit } = useCardBasics('contacts', editable);
  const company = useRecord('companies', contact.companyId ?? undefined).data;
  const owner = useRecord('users', contact.ownerId ?? undefined).data;
  const next = useList('activities', {
    filter: { contactId: contact.id, type: 'task', completedAt: { isNull: true } },
    sort: 'dueAt',
    limit: 1,
  }).items[0];
  const name = contactName(contact);
  // How the rep greets them, the way their language does: "Anh An", "คุณสมชาย", "Ms. Carter".
  const address = addressName(contact);
  const H = `h${headingLevel}` as const;
  const headingId = useId();

  // The name's parts in the order the name is written: Họ before Tên for a Vietnamese name (and, while the contact has
  // no full name yet, for anyone editing in Vietnamese).
  const familyFirst =
    contact.firstName && contact.lastName ? nameOrderOf(contact) === 'family_first' : locale.startsWith('vi');
  const fields = useMemo<BuiltInField[]>(
    () => [
      {
        path: 'salutation',
        label: t('card.salutation'),
        type: 'text',
        nullable: true,
        maxLength: CONTACT_LIMITS.salutation,
      },
      ...(familyFirst ? ['lastName', 'firstName'] : ['firstName', 'lastName']).map(
        (path): BuiltInField => ({
          path,
          label: t(path === 'firstName' ? 'field.firstName' : 'field.lastName'),
          type: 'text',
          maxLength: CONTACT_LIMITS[path as 'firstName' | 'lastName'],
        }),
      ),
      {
        path: 'nameOrder',
        label: t('card.nameOrder'),
        type: 'select',
        nullable: true,
        options: (['given_first', 'family_first'] as const).map((value) => ({
          value,
          label: t(`card.nameOrder.${value}`),
        })),
      },
      { path: 'title', label: t('field.title'), type: 'text', nullable: true, maxLength: CONTACT_LIMITS.title },
      {
        path: 'lifecycleStage',
        label: t('field.lifecycleStage'),
        type: 'select',
        required: true,
        options: (schema?.lifecycleStages ?? []).map((s) => ({ value: s.key, label: localize(s.label, locale) })),
      },
      { path: 'emails', label: t('field.email'), type: 'email' },
      { path: 'phones', label: t('field.phone'), type: 'phone' },
      { path: 'birthday', label: t('field.birthday'), type: 'date', nullable: true },
      { path: 'tags', label: t('field.tags'), type: 'tags' },
      ...customFormFields(schema?.fields.contact ?? [], locale),
    ],
    [t, schema, locale, familyFirst],
  );

  const edit = useInlineEdit('contacts', contact, fields, { label: t('card.editName', { name }), onSaved });

  const now = useNow();
  const today = f.dayKey(now);
  const birthday = contact.birthday ? nextBirthday(contact.birthday, today) : undefined;
  const title = [contact.title, company?.name].filter(Boolean);

  const identity = (
    <div className="crm-card-identity">
      <Avatar name={name} size={variant === 'compact' ? 'lg' : 'xl'} />
      <div className="crm-card-name">
        <H id={headingId} className="crm-card-title">
          {name}
        </H>
        {address && <p className="crm-muted">{t('card.addressAs', { name: address })}</p>}
        {title.length > 0 && (
          <p className="crm-muted">
            {contact.title}
            {contact.title && company && ' · '}
            {company && (
              <Opener id={company.id} onOpen={onOpenCompany}>
                {company.name}
              </Opener>
            )}
          </p>
        )}
        <p className="crm-badges">
          <Badge tone={LIFECYCLE_TONES[contact.lifecycleStage]} dot>
            {stageLabel(contact.lifecycleStage, { t, locale, schema })}
          </Badge>
          {birthday && birthday.days <= 30 && (
            <Badge tone="warning" icon={icons.cake}>
              {birthday.days === 0 ? t('birthday.today') : t('birthday.inDays', { count: birthday.days })}
            </Badge>
          )}
        </p>
      </div>
      {canEdit && !edit.editing && <EditButton name={name} onClick={edit.start} buttonRef={edit.opener} />}
    </div>
  );

  const channels = (
    <ul className="crm-channels" aria-label={t('card.channels')}>
      {contact.emails.map((email, i) => (
        <li key={email}>
          <a href={`mailto:${email}`} aria-label={`${t('action.sendEmail')}: ${email}`}>
            <Icon icon={icons.mail} />
            <span>{email}</span>
          </a>
          {i === 0 && contact.emails.length > 1 && <Badge>{t('field.primary')}</Badge>}
        </li>
      ))}
      {contact.phones.map((phone) => (
        <li key={phone}>
          <a href={`tel:${phone}`} aria-label={`${t('action.call')}: ${f.phone(phone)}`}>
            <Icon icon={icons.phone} />
            <span>{f.phone(phone)}</span>
          </a>
          <a href={`sms:${phone}`} className="crm-channel-sms" aria-label={`${t('action.sendSms')}: ${f.phone(phone)}`}>
            <Icon icon={icons.sms} />
          </a>
        </li>
      ))}
    </ul>
  );

  const touches = (
    <DetailList
      items={[
        {
          key: 'last',
          term: t('field.lastTouch'),
          description: contact.lastContactedAt ? (
            <time dateTime={contact.lastContactedAt} title={f.dateTime(contact.lastContactedAt)}>
              {f.relative(contact.lastContactedAt, now)}
            </time>
          ) : (
            <span className="crm-muted">{t('card.never')}</span>
          ),
        },
        {
          key: 'next',
          term: t('field.nextTouch'),
          description: next ? (
            <span>
              {next.subject ?? t('card.task')}
              {next.dueAt && (
                <>
                  {' · '}
                  <time
                    dateTime={next.dueAt}
                    title={f.dateTime(next.dueAt)}
                    data-overdue={Date.parse(next.dueAt) < now.getTime() || undefined}
                  >
                    {f.relative(next.dueAt, now)}
                  </time>
                </>
              )}
            </span>
          ) : (
            <span className="crm-muted">{t('card.nothingPlanned')}</span>
          ),
        },
      ]}
    />
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
    <Card header={identity} className="crm-contact-card" role="region" aria-labelledby={headingId}>
      {edit.status}
      {channels}
      {touches}
      {variant === 'full' && (
        <>
          <DetailList
            items={[
              ownerItem(t, owner),
              ...(contact.source
                ? [
                    {
                      key: 'source',
                      term: t('field.source'),
                      description: localize(
                        schema?.leadSources.find((s) => s.key === contact.source)?.label ?? { en: contact.source },
                        locale,
                      ),
                    },
                  ]
                : []),
              ...(contact.birthday
                ? [
                    {
                      key: 'birthday',
                      term: t('field.birthday'),
                      description: (
                        <>
                          {f.date(contact.birthday, 'long')}
                          {birthday?.age !== undefined && birthday.days <= 30 && (
                            <span className="crm-muted"> · {t('birthday.age', { age: birthday.age })}</span>
                          )}
                        </>
                      ),
                    },
                  ]
                : []),
              ...customFieldItems(schema?.fields.contact, contact, locale),
            ]}
          />
          {contact.tags.length > 0 && (
            <Section title={t('field.tags')} headingLevel={Math.min(headingLevel + 1, 6) as HeadingLevel}>
              <TagBadges tags={contact.tags} />
            </Section>
          )}
          <Section title={t('consent.title')} headingLevel={Math.min(headingLevel + 1, 6) as HeadingLevel}>
            <ul className="crm-consents">
              {CONSENT_CHANNELS.map((channel) => {
                const state = contact.consent[channel];
                const status = state.granted === null ? 'unknown' : state.granted ? 'granted' : 'denied';
                return (
                  <li key={channel}>
                    <span>{t(`consent.${channel}`)}</span>
                    <Badge
                      tone={status === 'granted' ? 'success' : status === 'denied' ? 'danger' : 'neutral'}
                      icon={status === 'granted' ? icons.check : status === 'denied' ? icons.x : undefined}
                      title={
                        state.updatedAt
                          ? t(status === 'granted' ? 'consent.grantedOn' : 'consent.deniedOn', {
                              date: f.date(state.updatedAt),
                            })
                          : undefined
                      }
                    >
                      {t(`consent.${status}`)}
                    </Badge>
                  </li>
                );
              })}
            </ul>
          </Section>
          <RelatedDeals
            filter={{ contactIds: contact.id }}
            onOpenDeal={onOpenDeal}
            headingLevel={Math.min(headingLevel + 1, 6) as HeadingLevel}
          />
          <RelatedTickets
            filter={{ requesterId: contact.id }}
            onOpenTicket={onOpenTicket}
            headingLevel={Math.min(headingLevel + 1, 6) as HeadingLevel}
          />
        </>
      )}
    </Card>
  );
}
