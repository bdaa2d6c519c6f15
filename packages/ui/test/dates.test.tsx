import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ActivityTimeline } from '../src/widgets/activity-timeline/index.js';
import { ContactCard } from '../src/widgets/contact-card/index.js';
import { renderUi, sandbox } from './harness.js';
import '../src/widgets/shared/cards/cards.css';
import '../src/widgets/activity-timeline/activity-timeline.css';

/**
 * Thai shows dates in the Buddhist era (2569): its date inputs are typed in it too, read back to the stored Gregorian
 * date, and a Gregorian year typed by habit is refused with the year meant — never saved 543 years off.
 */

let run = 0;
async function contact() {
  run++;
  const crm = (await sandbox()).client();
  return { crm, contact: await crm.contacts.create({ firstName: 'Somchai', lastName: `Jaidee ${run}` }) };
}

async function openEditor(locale: string, calendar?: string) {
  const { crm, contact: c } = await contact();
  await renderUi(<ContactCard contactId={c.id} />, { client: crm, locale, ...(calendar ? { calendar } : {}) });
  await userEvent.click(await screen.findByRole('button', { name: new RegExp(`Jaidee ${run}`) }, { timeout: 15_000 }));
  const form = await screen.findByRole('form', { name: new RegExp(`Jaidee ${run}`) });
  return { crm, id: c.id, form };
}

/** The Thai date field once its text input (a chunk of its own) is there: its description gives the format. */
async function thaiDate(scope: HTMLElement, name: string) {
  await within(scope).findAllByText('วว/ดด/ปปปป (พ.ศ.) เช่น 31/12/2569');
  return within(scope).getByRole('textbox', { name }) as HTMLInputElement;
}

describe('dates in the Buddhist era (th-TH)', () => {
  it('typing 7/12/2569 saves 2026-12-07, shows 2569 and comes back as typed', async () => {
    const user = userEvent.setup();
    const { crm, id, form } = await openEditor('th-TH');
    const birthday = await thaiDate(form, 'วันเกิด');
    // The format is the field's description, so a screen reader says it with the label.
    expect(document.getElementById(birthday.getAttribute('aria-describedby')!)?.textContent).toBe(
      'วว/ดด/ปปปป (พ.ศ.) เช่น 31/12/2569',
    );
    await user.type(birthday, '7/12/2569');
    await user.click(within(form).getByRole('button', { name: 'บันทึก' }));
    await waitFor(async () => expect((await crm.contacts.get(id)).birthday).toBe('2026-12-07'));
    // Shown in the card in the same era, and the form opens on it written as typed.
    expect(await screen.findByText(/7 ธันวาคม 2569/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: new RegExp(`Jaidee ${run}`) }));
    const again = await screen.findByRole('form', { name: new RegExp(`Jaidee ${run}`) });
    expect((await thaiDate(again, 'วันเกิด')).value).toBe('7/12/2569');
  });

  it('refuses a Gregorian year (2026) with the Buddhist year meant, and a day that does not exist', async () => {
    const user = userEvent.setup();
    const { crm, id, form } = await openEditor('th-TH');
    const birthday = await thaiDate(form, 'วันเกิด');
    await user.type(birthday, '7/12/2026');
    await user.click(within(form).getByRole('button', { name: 'บันทึก' }));
    expect(await within(form).findByText('ใช้ปี พ.ศ.: พิมพ์ 2569 แทน 2026')).toBeTruthy();
    expect(birthday.getAttribute('aria-invalid')).toBe('true');
    await user.clear(birthday);
    await user.type(birthday, '31/2/2569');
    await user.tab();
    expect(await within(form).findByText('กรอกวันที่แบบ วว/ดด/ปปปป (พ.ศ.) เช่น 31/12/2569')).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: 'บันทึก' }));
    // Nothing was saved; the text typed is still there to correct.
    expect((birthday as HTMLInputElement).value).toBe('31/2/2569');
    expect((await crm.contacts.get(id)).birthday ?? null).toBeNull();
  });

  it('Thai with calendar="gregory", and other locales, keep the browser’s date input', async () => {
    const { form } = await openEditor('th-TH', 'gregory');
    const birthday = within(form).getByLabelText('วันเกิด') as HTMLInputElement;
    expect(birthday.type).toBe('date');
  });

  it("a task's due date and a reminder's time are typed in the Buddhist era", async () => {
    const user = userEvent.setup();
    const { crm, contact: c } = await contact();
    const now = () => new Date('2026-12-05T05:00:00Z');
    await renderUi(<ActivityTimeline contactId={c.id} />, {
      client: crm,
      locale: 'th-TH',
      timeZone: 'Asia/Bangkok',
      now,
    });
    await screen.findByRole('status', { name: 'ยังไม่มีกิจกรรม' }, { timeout: 15_000 });
    await user.click(await screen.findByRole('tab', { name: 'งาน' }, { timeout: 15_000 }));
    await user.type(screen.getByRole('textbox', { name: /หัวข้อ/ }), 'ส่งใบเสนอราคา');
    await user.type(await thaiDate(document.body, 'วันครบกำหนด'), '7/12/2569');
    await user.click(screen.getByRole('button', { name: 'เพิ่มงาน' }));
    await screen.findByRole('article', { name: /ส่งใบเสนอราคา/ }, { timeout: 15_000 });

    await user.click(screen.getByRole('tab', { name: 'การแจ้งเตือน' }));
    await screen.findByText('วว/ดด/ปปปป ชช:นน (พ.ศ.) เช่น 31/12/2569 14:30');
    const at = screen.getByRole('textbox', { name: /แจ้งเตือนเวลา/ }) as HTMLInputElement;
    // It opens on tomorrow at this time, written in the era it is typed in.
    expect(at.value).toBe('6/12/2569 12:00');
    await user.clear(at);
    await user.type(at, '8/12/2569 09:30');
    await user.click(screen.getByRole('button', { name: 'ตั้งการแจ้งเตือน' }));
    await waitFor(async () => {
      const stored = (await crm.activities.list({ filter: { contactId: c.id } })).data;
      // The end of 7 December in Bangkok, and 09:30 in Bangkok (UTC+7).
      expect(stored.map((a) => a.dueAt).sort()).toEqual(['2026-12-07T16:59:59.000Z', '2026-12-08T02:30:00.000Z']);
    });
  });
});
