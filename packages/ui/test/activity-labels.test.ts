import { describe, expect, it } from 'vitest';
import { th } from '../src/i18n/th.js';
import { createTranslator } from '../src/i18n/translate.js';
import { vi } from '../src/i18n/vi.js';
import { outcomeKey, outcomeLabel, purposeLabel } from '../src/widgets/activity-timeline/labels.js';

/** Call outcomes written by telephony systems and imports reach Vietnamese and Thai users in their language. */
describe('call outcomes and purposes as stored by others', () => {
  const tVi = createTranslator('vi-VN', vi);
  const tTh = createTranslator('th-TH', th);

  it.each([
    ['no_answer', 'no_answer'],
    ['no-answer', 'no_answer'],
    ['No Answer', 'no_answer'],
    ['missed', 'no_answer'],
    ['COMPLETED', 'connected'],
    ['answered', 'connected'],
    ['left_message', 'voicemail'],
    ['Voice mail', 'voicemail'],
    ['line-busy', 'busy'],
    ['hẹn gọi lại', undefined],
  ])('%s means %s', (stored, key) => {
    expect(outcomeKey(stored)).toBe(key);
  });

  it('are shown in the user’s language, whatever their spelling (they fell back to English words)', () => {
    expect(outcomeLabel('no-answer', tVi)).toBe('Không nghe máy');
    expect(outcomeLabel('left_message', tTh)).toBe('ฝากข้อความเสียง');
    expect(outcomeLabel('Completed', tTh)).toBe('ติดต่อได้');
    expect(purposeLabel('Call-Back', tVi)).toBe(tVi('timeline.purpose.callBack'));
  });

  it('shows a host’s own outcome in its own words', () => {
    expect(outcomeLabel('hẹn gọi lại', tVi)).toBe('Hẹn gọi lại');
    expect(outcomeLabel('renewal_check', tVi)).toBe('Renewal check');
  });
});
