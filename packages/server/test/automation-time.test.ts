import { nextWindow } from '@crmkit/core';
import { describe, expect, it } from 'vitest';
import { passWindow } from '../src/automation/dates.js';
import { delayEnd } from '../src/automation/runner.js';
import { WorkspaceSettings } from '../src/core/settings.js';
import { quietUntil } from '../src/outbox/outbox.js';

const settings = (timeZone: string) => WorkspaceSettings.parse({ timeZone });

describe('automation time', () => {
  it('waits until 09:00 on a weekday window in the zone, across a DST change', () => {
    // Friday 2027-03-12 20:00 in New York (EST, UTC−5); DST starts Sunday 2027-03-14. Next Monday 09:00 is EDT (UTC−4).
    const from = Date.parse('2027-03-13T01:00:00Z');
    const at = nextWindow(from, '09:00', 'America/New_York', [1, 2, 3, 4, 5]);
    expect(new Date(at).toISOString()).toBe('2027-03-15T13:00:00.000Z');
    // Every day: Saturday 09:00 EST.
    expect(new Date(nextWindow(from, '09:00', 'America/New_York')).toISOString()).toBe('2027-03-13T14:00:00.000Z');
  });

  it('adds a delay in minutes, then the window, in Asia/Ho_Chi_Minh and Asia/Bangkok (UTC+7, no DST)', () => {
    const from = new Date('2027-03-12T10:00:00Z'); // 17:00 local, Friday
    const step = { minutes: 60, until: { time: '08:30', weekdays: [6], zone: 'workspace' as const } };
    expect(delayEnd(from, step, settings('Asia/Ho_Chi_Minh'), null).toISOString()).toBe('2027-03-13T01:30:00.000Z');
    expect(delayEnd(from, step, settings('Asia/Bangkok'), null).toISOString()).toBe('2027-03-13T01:30:00.000Z');
    // A contact's own zone wins when the step says so.
    const contact = { id: 'con_1', version: 1, customFields: { timeZone: 'Europe/Berlin' } };
    const local = { ...step, until: { ...step.until, zone: 'contact' as const } };
    expect(delayEnd(from, local, settings('Asia/Bangkok'), contact).toISOString()).toBe('2027-03-13T07:30:00.000Z');
  });

  it('keeps messages out of quiet hours that run over midnight', () => {
    const quiet = { start: '21:00', end: '08:00' };
    expect(quietUntil(new Date('2027-03-12T15:00:00Z'), quiet, 'Asia/Ho_Chi_Minh')?.toISOString()).toBe(
      '2027-03-13T01:00:00.000Z',
    );
    expect(quietUntil(new Date('2027-03-12T20:00:00Z'), quiet, 'Asia/Ho_Chi_Minh')?.toISOString()).toBe(
      '2027-03-13T01:00:00.000Z',
    );
    expect(quietUntil(new Date('2027-03-12T05:00:00Z'), quiet, 'Asia/Ho_Chi_Minh')).toBeNull();
  });

  it("covers the days since a date rule's last pass, a week back at most, and nothing twice", () => {
    expect(passWindow(null, '2027-03-01')).toEqual({ from: '2027-03-01', to: '2027-03-01' });
    expect(passWindow('2027-02-27', '2027-03-01')).toEqual({ from: '2027-02-28', to: '2027-03-01' });
    expect(passWindow('2027-01-15', '2027-03-01')).toEqual({ from: '2027-02-22', to: '2027-03-01' });
    expect(passWindow('2027-03-01', '2027-03-01')).toBeNull();
  });
});
