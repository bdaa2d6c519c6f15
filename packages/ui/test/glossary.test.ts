import * as glossaryTh from '@crmkit/core/glossary/th';
import * as glossaryVi from '@crmkit/core/glossary/vi';
import { describe, expect, it } from 'vitest';
import { th } from '../src/i18n/th.js';
import type { MessageKey } from '../src/i18n/translate.js';
import { vi } from '../src/i18n/vi.js';

/**
 * The catalogs say each concept of the glossary (`@crmkit/core/glossary/*`) the way the glossary does, as the
 * server's labels do (the server takes them from the glossary; its own test checks `/v1/schema`): a catalog message
 * and a server label never name one thing two ways.
 */
const CONCEPTS: Partial<Record<MessageKey, keyof typeof glossaryVi>> = {
  'entity.contact.singular': 'contact',
  'entity.contact.plural': 'contacts',
  'entity.company.singular': 'company',
  'entity.lead.singular': 'lead',
  'entity.deal.singular': 'deal',
  'entity.activity.singular': 'activity',
  'entity.ticket.singular': 'ticket',
  'entity.ticket.plural': 'tickets',
  'inbox.queue': 'tickets',
  'field.name': 'fullName',
  'card.companyName': 'name',
  'field.firstName': 'firstName',
  'field.lastName': 'lastName',
  'field.title': 'jobTitle',
  'card.salutation': 'salutation',
  'card.nameOrder': 'nameOrder',
  'card.nameOrder.given_first': 'givenNameFirst',
  'card.nameOrder.family_first': 'familyNameFirst',
  'field.email': 'email',
  'field.phone': 'phone',
  'field.domain': 'website',
  'field.industry': 'industry',
  'field.birthday': 'birthday',
  'field.owner': 'owner',
  'board.filter.owner': 'owner',
  'field.tags': 'tags',
  'board.filter.tags': 'tags',
  'field.source': 'source',
  'field.lifecycleStage': 'lifecycleStage',
  'lifecycle.potential': 'lifecyclePotential',
  'lifecycle.active': 'lifecycleActive',
  'lifecycle.loyal': 'lifecycleLoyal',
  'lifecycle.lost': 'lifecycleLost',
  'inbox.filter.assignee': 'assignee',
  'inbox.filter.priority': 'priority',
  'inbox.filter.status': 'status',
  'inbox.filter.channel': 'channel',
  'inbox.view.solved': 'ticketSolved',
  'timeline.type.call': 'call',
  'timeline.type.chat': 'chat',
  'timeline.type.meeting': 'meeting',
  'timeline.type.note': 'note',
  'inbox.compose.note': 'note',
  'timeline.type.task': 'task',
  'timeline.outcome.connected': 'connected',
  'timeline.outcome.noAnswer': 'noAnswer',
  'timeline.outcome.voicemail': 'voicemail',
  'timeline.outcome.busy': 'busy',
  'timeline.outcome.wrongNumber': 'wrongNumber',
  'timeline.purpose.followUp': 'followUp',
  'timeline.purpose.callBack': 'callBack',
  'rules.dealStatus.won': 'won',
  'rules.dealStatus.lost': 'lostDeal',
  'action.save': 'save',
  'action.cancel': 'cancel',
  'action.apply': 'apply',
  'inbox.bulk.apply': 'apply',
};

describe.each([
  ['vi', vi, glossaryVi],
  ['th', th, glossaryTh],
] as const)('the %s catalog', (_, catalog, glossary) => {
  it.each(Object.entries(CONCEPTS))('says %s as the glossary’s %s', (key, concept) => {
    expect(catalog[key as MessageKey]).toBe(glossary[concept as keyof typeof glossary]);
  });

  it('never writes a note with the Save button’s word, nor the lifecycle with the deal stage’s', () => {
    expect(catalog['timeline.type.note']).not.toBe(catalog['action.save']);
    expect(catalog['field.lifecycleStage']).not.toBe(glossary.stage);
  });
});
