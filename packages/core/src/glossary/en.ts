/**
 * `@crmkit/core/glossary/en`: the English terms of crmkit, one per concept. The glossaries of every language
 * (`vi.ts`, `th.ts`) have the same names, each with the term chosen and why; the reference server's labels
 * (`/v1/schema`), the widgets' catalogs and the demo seeds take their terms from them, and a test fails when a server
 * label and a catalog message say one concept two ways.
 *
 * @example
 * import * as en from '@crmkit/core/glossary/en';
 * en.contact; // 'Contact'
 */

// Records.
/** A person the business has a relationship with. */
export const contact = 'Contact';
export const contacts = 'Contacts';
/** An organisation, the customer or its employer. */
export const company = 'Company';
export const companies = 'Companies';
/** Someone who may become a customer, before qualification: a name and a way to reach them. */
export const lead = 'Lead';
export const leads = 'Leads';
/** A possible sale with an amount and a stage (an "opportunity" in some CRMs). */
export const deal = 'Deal';
export const deals = 'Deals';
/** A call, e-mail, meeting, note or task logged about a record. */
export const activity = 'Activity';
export const activities = 'Activities';
/** A customer's support request and its conversation. */
export const ticket = 'Ticket';
export const tickets = 'Tickets';
/** The ordered stages deals move through. */
export const pipeline = 'Pipeline';
/** A deal's step in a pipeline (never a contact's lifecycle stage). */
export const stage = 'Stage';

// People and their details.
/** A person's whole name. */
export const fullName = 'Full name';
/** A company's (or a lead's business's) name. */
export const name = 'Name';
export const firstName = 'First name';
export const lastName = 'Last name';
/** How a person is addressed before their name (Mr., คุณ). */
export const salutation = 'Salutation';
/** Whether a name is written family name first. */
export const nameOrder = 'Name order';
export const givenNameFirst = 'Given name first';
export const familyNameFirst = 'Family name first';
export const jobTitle = 'Job title';
export const email = 'Email';
export const phone = 'Phone';
/** A company's website, and the lead source of people who came through it. */
export const website = 'Website';
export const industry = 'Industry';
export const companySize = 'Size';
export const address = 'Address';
export const birthday = 'Birthday';
/** The user responsible for a contact, company, lead or deal. */
export const owner = 'Owner';
/** The user working on a ticket. */
export const assignee = 'Assignee';
export const team = 'Team';
export const tags = 'Tags';
/** Where a contact or lead came from. */
export const source = 'Source';
export const status = 'Status';
export const priority = 'Priority';
export const channel = 'Channel';
export const subject = 'Subject';
export const type = 'Type';
export const outcome = 'Outcome';
export const date = 'Date';
export const due = 'Due';
export const lastContacted = 'Last contacted';

// Deals.
export const amount = 'Amount';
/** The chance, in percent, that a deal is won. */
export const probability = 'Probability';
export const expectedCloseDate = 'Expected close date';
export const won = 'Won';
export const lostDeal = 'Lost';
/** The stages of the demo pipelines: names sales teams give their steps. */
export const stageLeadIn = 'Lead in';
export const stageQualified = 'Qualified';
export const proposal = 'Proposal';
export const negotiation = 'Negotiation';
export const prospect = 'Prospect';
export const quotation = 'Quotation';
/** The demo pipelines' names: new business, and a club's membership renewals. */
export const salesPipeline = 'Sales pipeline';
export const renewals = 'Renewals';

// The lifecycle of a contact.
/** Where a customer stands in its relationship with the business (not a deal's stage). */
export const lifecycleStage = 'Lifecycle stage';
export const lifecyclePotential = 'Potential';
export const lifecycleActive = 'Active';
export const lifecycleLoyal = 'Loyal';
export const lifecycleLost = 'Lost';

// Activities.
export const call = 'Call';
export const sms = 'SMS';
export const chat = 'Chat';
export const meeting = 'Meeting';
/** A note logged on a record (not the Save action). */
export const note = 'Note';
export const task = 'Task';
export const app = 'App';
export const system = 'System';
export const inbound = 'Inbound';
export const outbound = 'Outbound';
/** A call the customer made. */
export const inboundCall = 'Incoming call';
/** A call made to the customer. */
export const outboundCall = 'Outgoing call';
export const connected = 'Connected';
export const interested = 'Interested';
export const notInterested = 'Not interested';
export const noAnswer = 'No answer';
export const voicemail = 'Left voicemail';
export const busy = 'Busy';
export const wrongNumber = 'Wrong number';
export const callBack = 'Call back';
/** Getting back to a customer after a first contact, as a planned task. */
export const followUp = 'Follow up';

// Tickets.
export const ticketNew = 'New';
export const ticketOpen = 'Open';
export const ticketPending = 'Pending';
export const ticketOnHold = 'On hold';
export const ticketSolved = 'Solved';
export const ticketClosed = 'Closed';
export const priorityLow = 'Low';
export const priorityNormal = 'Normal';
export const priorityHigh = 'High';
export const priorityUrgent = 'Urgent';
export const web = 'Web';
export const social = 'Social';

// Leads.
export const leadNew = 'New';
export const contacted = 'Contacted';
export const qualified = 'Qualified';
export const disqualified = 'Disqualified';
export const converted = 'Converted';
export const referral = 'Referral';
/** A customer who came in without an appointment. */
export const walkIn = 'Walk-in';
export const tradeFair = 'Trade fair';

// Actions.
export const save = 'Save';
export const cancel = 'Cancel';
/** Applying a filter or a choice. */
export const apply = 'Apply';
export const clearFilters = 'Clear filters';
