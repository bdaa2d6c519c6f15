import { describe, expect, it } from 'vitest';
import {
  type BusinessCalendar,
  fillPlaceholders,
  type SlaFacts,
  safeHref,
  slaClock,
  unknownPlaceholders,
} from '../src/tickets/index.js';

const always: BusinessCalendar = { id: 'c', timeZone: 'UTC', weeklyHours: [], holidays: [] };
const base: SlaFacts = {
  status: 'active',
  firstResponseDueAt: '2026-11-23T10:00:00.000Z',
  firstResponseAt: null,
  firstResponseBreached: false,
  nextResponseDueAt: null,
  nextResponseBreached: false,
  resolutionDueAt: '2026-11-24T10:00:00.000Z',
  resolutionBreached: false,
  pausedAt: null,
  nextBreachAt: '2026-11-23T10:00:00.000Z',
};
const policy = { warnBeforeMinutes: 30, calendar: always };
const at = (iso: string) => new Date(iso);

describe('slaClock', () => {
  it('shows the target due next: on track, at risk inside the warning window, breached once due', () => {
    expect(slaClock(base, 'open', policy, at('2026-11-23T09:00:00Z'))).toEqual({
      state: 'on_track',
      target: 'firstResponse',
      dueAt: base.firstResponseDueAt,
      businessMinutesLeft: 60,
      missedBefore: false,
    });
    expect(slaClock(base, 'open', policy, at('2026-11-23T09:40:00Z'))?.state).toBe('at_risk');
    const late = slaClock(base, 'open', policy, at('2026-11-23T10:05:00Z'));
    expect(late).toMatchObject({ state: 'breached', target: 'firstResponse', businessMinutesLeft: -5 });
  });

  it('stays breached until the target is met, then moves on to the next one', () => {
    const flagged = {
      ...base,
      status: 'missed' as const,
      firstResponseBreached: true,
      nextBreachAt: base.resolutionDueAt,
    };
    expect(slaClock(flagged, 'open', policy, at('2026-11-23T11:00:00Z'))).toMatchObject({
      state: 'breached',
      target: 'firstResponse',
      missedBefore: true,
    });
    const answered = { ...flagged, firstResponseAt: '2026-11-23T11:00:00.000Z' };
    expect(slaClock(answered, 'open', policy, at('2026-11-23T11:30:00Z'))).toMatchObject({
      state: 'on_track',
      target: 'resolution',
      missedBefore: true,
    });
  });

  it('freezes what was left while paused, and settles once solved', () => {
    const paused = { ...base, status: 'paused' as const, pausedAt: '2026-11-23T09:50:00.000Z', nextBreachAt: null };
    expect(slaClock(paused, 'pending', policy, at('2026-11-23T12:00:00Z'))).toMatchObject({
      state: 'paused',
      businessMinutesLeft: 10,
    });
    expect(slaClock({ ...base, status: 'hit' }, 'solved', policy, at('2026-11-23T12:00:00Z'))?.state).toBe('hit');
    expect(slaClock({ ...base, status: 'missed' }, 'closed', policy, at('2026-11-23T12:00:00Z'))?.state).toBe('missed');
    expect(slaClock(null, 'open', policy, new Date())).toBeNull();
  });

  it('counts business time, not wall time', () => {
    const office: BusinessCalendar = {
      id: 'o',
      timeZone: 'UTC',
      weeklyHours: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
      holidays: [],
    };
    // Friday 16:00 → due Monday 10:00: two business hours left over the weekend.
    const sla = { ...base, firstResponseDueAt: '2026-11-30T10:00:00.000Z', resolutionDueAt: null };
    expect(
      slaClock(sla, 'open', { warnBeforeMinutes: 0, calendar: office }, at('2026-11-27T16:00:00Z'))
        ?.businessMinutesLeft,
    ).toBe(120);
  });
});

describe('placeholders', () => {
  it('finds unknown placeholders and fills known ones as escaped text', () => {
    expect(unknownPlaceholders('Hi {{contact.firstName}}, see {{ ticket.id }} and {{agent.name}} {{')).toEqual([
      { name: 'ticket.id', index: 30 },
    ]);
    expect(
      fillPlaceholders('<p>Hi {{contact.firstName}}, ticket #{{ticket.number}} {{x.y}}</p>', {
        'contact.firstName': '<b>Lan</b>',
        'ticket.number': 42,
      }),
    ).toBe('<p>Hi &lt;b&gt;Lan&lt;/b&gt;, ticket #42 {{x.y}}</p>');
  });
});

describe('safeHref', () => {
  it('keeps http(s) and mailto links only', () => {
    expect(safeHref(' https://crmkit.dev/a ')).toBe('https://crmkit.dev/a');
    expect(safeHref('mailto:help@crmkit.dev')).toBe('mailto:help@crmkit.dev');
    for (const bad of [
      'javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      '/relative',
      '//evil.test',
      'https://a\u0001b',
    ]) {
      expect(safeHref(bad)).toBeNull();
    }
  });
});
