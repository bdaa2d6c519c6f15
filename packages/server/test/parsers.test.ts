import { describe, expect, it } from 'vitest';
import { toIso } from '../src/db/parsers.js';

/** The parsers both drivers share: timestamps become ISO strings exactly as `Date#toISOString` writes them. */
describe('toIso', () => {
  it('writes a UTC timestamp as Date would, without one', () => {
    const values = [
      '2026-11-23 02:00:00+00',
      '2026-11-23 02:00:00.1+00',
      '2026-11-23 02:00:00.12+00',
      '2026-11-23 02:00:00.123+00',
      '2026-11-23 02:00:00.123456+00',
      '2026-11-23 02:00:00.999999+00',
      '1970-01-01 00:00:00+00',
      '0999-12-31 23:59:59.5+00',
      '2026-11-23 02:00:00.123456', // timestamp without time zone
    ];
    for (const v of values) {
      const viaDate = new Date(`${v.replace(' ', 'T').replace(/\+00$/, '')}Z`).toISOString();
      expect(toIso(v), v).toBe(viaDate);
    }
  });

  it('converts other offsets, and leaves what is no instant as it is', () => {
    expect(toIso('2026-11-23 09:00:00.5+07')).toBe('2026-11-23T02:00:00.500Z');
    expect(toIso('2026-11-23 09:00:00+0530')).toBe('2026-11-23T03:30:00.000Z');
    expect(toIso('2026-11-23 09:00:00-03:30')).toBe('2026-11-23T12:30:00.000Z');
    expect(toIso('infinity')).toBe('infinity');
  });
});
