import type { LifecycleStage, TicketChannel, TicketStatus } from '@crmkit/spec';
import { activityResource } from '../src/activities/resource.js';
import { companyResource } from '../src/companies/resource.js';
import { contactResource } from '../src/contacts/resource.js';
import { ticketResource } from '../src/tickets/resource.js';
import { type CompanySeed, companies, titleOf } from './companies.js';
import { consentOf, tagsOf } from './contacts.js';
import { type Language, say, type TicketTopic } from './data/ticket-topics.js';
import { birthdayOf, emailOf, mobileOf, type Person, person } from './people.js';
import type { Rng } from './random.js';
import { salesActivity } from './sales-activities.js';
import { type SeedMessage, seedTicketThread } from './threads.js';
import type { SeedTime } from './time.js';
import type { SeedWriter } from './writer.js';

/** A seeded company. */
export interface SeededCompany {
  id: string;
  at: Date;
  seed: CompanySeed;
}

/** A seeded contact, with what later seeds need to know about it. */
export interface SeededContact {
  id: string;
  at: Date;
  person: Person;
  companyId: string | null;
  ownerId: string;
  birthday: string | null;
  lifecycleStage: LifecycleStage;
  customFields: Record<string, string | number | boolean>;
}

/** Sorts plans by time (stable), so ids and numbers follow creation order. */
export const byTime = <T extends { at: Date }>(plans: T[]): T[] =>
  plans.sort((a, b) => a.at.getTime() - b.at.getTime());

/** Creates companies (Vietnamese, Thai, international) owned by `owners`. */
export async function seedCompanies(
  w: SeedWriter,
  rng: Rng,
  time: SeedTime,
  n: { vn: number; th: number; intl: number },
  owners: readonly string[],
): Promise<SeededCompany[]> {
  const plans = byTime(companies(rng, n).map((seed) => ({ seed, at: time.workTime(200, 700) })));
  const out: SeededCompany[] = [];
  for (const { seed, at } of plans) {
    const id = w.id('com');
    const taxCode =
      seed.country === 'VN'
        ? `0${rng.pick(['1', '3'])}${rng.digits(8)}`
        : seed.country === 'TH'
          ? `0105${rng.digits(9)}`
          : null;
    await w.create(
      companyResource,
      id,
      {
        ...seed.body,
        ownerId: rng.pick(owners),
        ...(taxCode && w.hasCustomField('company', 'taxCode') ? { customFields: { taxCode } } : {}),
      },
      at,
    );
    out.push({ id, at, seed });
  }
  return out;
}

/** Options of {@link seedContacts}. */
export interface ContactOptions {
  count: number;
  /** How many work at one of `companies` (every company gets at least one while there are enough). */
  atCompanies: number;
  /** Origin mix of people without a company. */
  mix: { vn: number; th: number; en: number };
  /** Thai names in Thai script, as a Thai business stores them (default: Latin letters). */
  thaiScript?: boolean;
  owners: readonly string[];
  sources: readonly string[];
  tags: readonly string[];
  /** Relative weights of lifecycle stages (default: a typical B2B mix). */
  stages?: readonly (readonly [LifecycleStage, number])[];
  /** Share of people without a company who gave an email address (default 1). */
  emailRate?: number;
  /** Custom field values for a new contact. */
  customFields?: (rng: Rng, p: Person, stage: LifecycleStage) => Record<string, string | number | boolean>;
}

const STAGES = [
  ['potential', 35],
  ['active', 35],
  ['loyal', 18],
  ['lost', 12],
] as const;

/** Creates contacts with realistic names, emails, phones, consent, birthdays, stages and tags. */
export async function seedContacts(
  w: SeedWriter,
  rng: Rng,
  time: SeedTime,
  companyList: readonly SeededCompany[],
  o: ContactOptions,
): Promise<SeededContact[]> {
  const taken = new Set<string>();
  const year = new Date(time.base).getUTCFullYear();
  const plans = byTime(
    Array.from({ length: o.count }, (_, i) => {
      const company =
        i < o.atCompanies && companyList.length > 0
          ? i < companyList.length
            ? companyList[i]!
            : rng.pick(companyList)
          : null;
      const p = person(rng, company?.seed.staff ?? o.mix, o.thaiScript);
      const companyDays = company ? Math.floor((time.base.getTime() - company.at.getTime()) / 86_400_000) : 600;
      const at = time.workTime(5, Math.max(6, companyDays));
      const workDomain = company && rng.chance(0.85) ? company.seed.body.domain : null;
      const emails = company || rng.chance(o.emailRate ?? 1) ? [emailOf(rng, p, taken, workDomain)] : [];
      if (workDomain && rng.chance(0.15)) emails.push(emailOf(rng, p, taken));
      const phones = [mobileOf(rng, p)];
      if (company && rng.chance(0.2)) phones.push(...company.seed.body.phones);
      const birthday = rng.chance(0.8) ? birthdayOf(rng, year) : null;
      const lifecycleStage = rng.weighted(o.stages ?? STAGES);
      const body = {
        firstName: p.firstName,
        lastName: p.lastName,
        emails,
        phones,
        companyId: company?.id ?? null,
        title: company ? titleOf(rng, p) : null,
        birthday,
        lifecycleStage,
        source: rng.pick(o.sources),
        ownerId: rng.pick(o.owners),
        consent: consentOf(rng),
        tags: tagsOf(rng, o.tags),
        customFields: o.customFields?.(rng, p, lifecycleStage) ?? {},
      };
      return { at, p, body };
    }),
  );
  const out: SeededContact[] = [];
  for (const { at, p, body } of plans) {
    const id = w.id('con');
    await w.create(contactResource, id, body, at);
    out.push({
      id,
      at,
      person: p,
      companyId: body.companyId,
      ownerId: body.ownerId,
      birthday: body.birthday,
      lifecycleStage: body.lifecycleStage,
      customFields: body.customFields,
    });
  }
  return out;
}

/** A deal's link for activities about it. */
export interface DealLink {
  id: string;
  contactIds: readonly string[];
  ownerId: string | null;
  /** Still in an open stage once seeded. */
  open: boolean;
}

/** An activity to write: its create body, who logged it when, and when it was completed (tasks). */
export interface ActivityWrite {
  body: Record<string, unknown>;
  at: Date;
  completedAt: Date | null;
  /** The user who logged it; null for the server or an app (check-ins). */
  authorId: string | null;
}

/** A birthday-greeting task, due on the birthday, for each contact whose birthday comes within `days` days. */
export function birthdayReminders(
  time: SeedTime,
  contacts: readonly SeededContact[],
  days: number,
  subject: (c: SeededContact) => string,
): ActivityWrite[] {
  const out: ActivityWrite[] = [];
  for (const c of contacts) {
    if (!c.birthday || c.lifecycleStage === 'lost') continue;
    const due = time.nextBirthday(c.birthday);
    if (due.getTime() - time.base.getTime() > days * 86_400_000) continue;
    const at = time.workTime(1, 10);
    const body = {
      type: 'task',
      subject: subject(c),
      purpose: 'birthday_greeting',
      occurredAt: at.toISOString(),
      dueAt: due.toISOString(),
      contactId: c.id,
      assigneeId: c.ownerId,
    };
    out.push({ body, at, completedAt: null, authorId: c.ownerId });
  }
  return out;
}

/** Writes activities in time order (so ids and `lastContactedAt` follow time), completing done tasks when they were. */
export async function writeActivities(w: SeedWriter, plans: ActivityWrite[]): Promise<number> {
  for (const plan of byTime(plans)) {
    const id = w.id('act');
    await w.create(activityResource, id, plan.body, plan.at, plan.authorId);
    if (plan.completedAt) {
      const completedAt = plan.completedAt.toISOString();
      await w.update(activityResource, id, { completedAt }, plan.completedAt, plan.authorId);
    }
  }
  return plans.length;
}

/**
 * `count` sales activities (calls with outcomes, emails, SMS, chats, meetings, notes, tasks) about random
 * contacts, logged by each contact's owner; activities about a contact in a deal link to the deal.
 */
export function salesActivities(
  rng: Rng,
  time: SeedTime,
  contacts: readonly SeededContact[],
  deals: readonly DealLink[],
  o: { count: number; language: (p: Person) => Language },
): ActivityWrite[] {
  const dealsByContact = new Map<string, string>();
  for (const d of deals) for (const c of d.contactIds) if (!dealsByContact.has(c)) dealsByContact.set(c, d.id);
  return Array.from({ length: o.count }, () => {
    const c = rng.pick(contacts);
    const about = {
      contactId: c.id,
      companyId: c.companyId,
      dealId: dealsByContact.get(c.id) ?? null,
      language: o.language(c.person),
      since: c.at,
    };
    return { ...salesActivity(rng, time, about, c.ownerId), authorId: c.ownerId };
  });
}

const CHANNELS = [
  ['email', 35],
  ['web', 20],
  ['chat', 15],
  ['phone', 15],
  ['app', 5],
  ['social', 5],
  ['sms', 5],
] as const;

/** Final status of a seeded ticket, with how many days ago such tickets typically started. */
const STATUSES: readonly (readonly [TicketStatus, number, [number, number]])[] = [
  ['new', 8, [0, 2]],
  ['open', 17, [1, 12]],
  ['pending', 10, [2, 15]],
  ['on_hold', 5, [3, 25]],
  ['solved', 20, [3, 30]],
  ['closed', 40, [10, 200]],
];

/** Options of {@link seedTickets}. */
export interface TicketOptions {
  count: number;
  topics: readonly TicketTopic[];
  /** The language a requester writes in (Thai: where a topic has no Thai, English). */
  language: (p: Person) => Language;
  /** The language the agents write internal notes in (default Vietnamese; Thai where a topic has it). */
  team?: 'vi' | 'th';
  fallbackAgentId: string;
  channels?: readonly (readonly [TicketChannel, number])[];
  /**
   * The `newest` of the new tickets (no reply yet) handed back to their team's queue by the team lead `by`, a few
   * minutes after routing assigned them: the "Unassigned" view's tickets, waiting for someone to take them.
   */
  handBack?: { newest: number; by: string };
}

/**
 * Creates tickets from the topics with threads that end in a mix of statuses (new → closed): the requester's
 * description, agent replies, the requester's answers, internal notes, solving and closing — each step at a
 * plausible time before the base.
 */
export async function seedTickets(
  w: SeedWriter,
  rng: Rng,
  time: SeedTime,
  requesters: readonly SeededContact[],
  o: TicketOptions,
): Promise<{ id: string; requester: SeededContact; at: Date }[]> {
  const plans = byTime(
    Array.from({ length: o.count }, () => {
      const [status, , [minAge, maxAge]] = rng.weighted(STATUSES.map((s) => [s, s[1]] as const));
      const requester = rng.pick(requesters);
      const topic = rng.pick(o.topics);
      const lang = o.language(requester.person);
      const gaps = [rng.int(10, 240), rng.int(60, 1440), rng.int(30, 2000), rng.int(20, 90)];
      const plan = threadFor(status, topic, lang, o.team ?? 'vi', rng);
      const span = gaps.slice(0, plan.length).reduce((s, g) => s + g, 0) + 30;
      const latest = time.plusMinutes(time.base, -span);
      let at = time.workTime(minAge, maxAge);
      if (at.getTime() > latest.getTime()) at = latest;
      let t = at;
      const thread: SeedMessage[] = plan.map((step, i) => {
        t = time.plusMinutes(t, gaps[i]!);
        return { ...step, at: t };
      });
      const closeAt = status === 'closed' ? time.plusMinutes(t, rng.int(3, 5) * 24 * 60) : undefined;
      return { at, status, requester, topic, lang, thread, closeAt };
    }),
  );
  const out: { id: string; requester: SeededContact; at: Date }[] = [];
  const fresh = plans.filter((p) => p.status === 'new');
  const handBack = new Set(o.handBack ? fresh.slice(Math.max(0, fresh.length - o.handBack.newest)) : []);
  for (const p of plans) {
    const id = w.id('tkt');
    await seedTicketThread(
      w,
      id,
      {
        subject: say(p.topic.subject, p.lang),
        description: say(p.topic.description, p.lang),
        priority: rng.weighted(p.topic.priorities),
        channel: rng.weighted(o.channels ?? CHANNELS),
        requesterId: p.requester.id,
        tags: [...p.topic.tags],
        at: p.at,
      },
      p.thread,
      { fallbackAgentId: o.fallbackAgentId, ...(p.closeAt && p.closeAt < time.base ? { closeAt: p.closeAt } : {}) },
    );
    if (o.handBack && handBack.has(p))
      await w.update(ticketResource, id, { assigneeId: null }, time.plusMinutes(p.at, 5), o.handBack.by);
    out.push({ id, requester: p.requester, at: p.at });
  }
  return out;
}

/** The messages (without times) of a thread that ends in `status`. */
function threadFor(
  status: TicketStatus,
  topic: TicketTopic,
  lang: Language,
  team: 'vi' | 'th',
  rng: Rng,
): Omit<SeedMessage, 'at'>[] {
  const reply = { from: 'agent' as const, body: say(topic.reply, lang) };
  const followUp = { from: 'customer' as const, body: say(topic.followUp, lang) };
  const note = { from: 'note' as const, body: (team === 'th' && topic.thaiNote) || topic.note };
  const resolution = { from: 'agent' as const, body: say(topic.resolution, lang), status: 'solved' as const };
  switch (status) {
    case 'new':
      return [];
    case 'open':
      return rng.chance(0.5) ? [reply, followUp, ...(rng.chance(0.4) ? [note] : [])] : [reply];
    case 'pending':
      return [{ ...reply, status: 'pending' }];
    case 'on_hold':
      return [reply, { ...note, status: 'on_hold' }];
    case 'solved':
    case 'closed':
      return [{ ...reply, status: 'pending' }, followUp, ...(rng.chance(0.3) ? [note] : []), resolution];
  }
}
