/** The English strings of ContactCard and CompanyCard: the source of their message keys (see `../en.ts`). */
export const en = {
  'card.companyName': 'Name',
  'birthday.today': 'Birthday today',
  'birthday.inDays': { '=1': 'Birthday tomorrow', other: 'Birthday in {count} days' },
  'birthday.age': 'Turns {age}',

  'consent.title': 'Consent',
  'consent.email': 'Email marketing',
  'consent.sms': 'SMS marketing',
  'consent.phone': 'Phone calls',
  'consent.tracking': 'Tracking',
  'consent.granted': 'Granted',
  'consent.denied': 'Denied',
  'consent.unknown': 'Not asked',
  'consent.grantedOn': 'Granted on {date}',
  'consent.deniedOn': 'Denied on {date}',

  'card.editName': 'Edit {name}',
  'card.channels': 'Ways to reach them',
  'card.never': 'No touches yet',
  'card.nothingPlanned': 'Nothing planned',
  // The next touch, when the task has no subject.
  'card.task': 'Task',
  'card.customFields': 'Details',
  'card.noOpenDeals': 'No open deals',
  'card.dealsSummary': {
    one: '{count} open deal · {total} (weighted {weighted})',
    other: '{count} open deals · {total} (weighted {weighted})',
  },
  'card.probability': '{percent} likely',
  'card.noOpenTickets': 'No open tickets',
  'card.slaBreached': 'SLA breached',
  'card.listHint': 'Separate values with commas. {options}',
  'card.employees': '{size} employees',
  'card.noContacts': 'No people linked yet',
} as const;
