import type { CrmClient } from '@crmkit/client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AutomationRules } from '../src/widgets/automation-rules/index.js';
import { renderUi, sandbox } from './harness.js';

const list = () => screen.findByRole('list', { name: 'Quy tắc tự động' }, { timeout: 15_000 });
const rule = async (name: string) => within(await list()).findByRole('listitem', { name }, { timeout: 15_000 });
const dialog = (name: string | RegExp) => screen.findByRole('dialog', { name }, { timeout: 15_000 });
const group = (scope: HTMLElement, name: string | RegExp) => within(scope).getByRole('group', { name });
const combo = (scope: HTMLElement, name: string | RegExp) => within(scope).getByRole('combobox', { name });
const selected = (select: HTMLElement) => (select as HTMLSelectElement).selectedOptions[0]?.textContent;
const closed = () => waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 15_000 });

describe('AutomationRules’ rule editor in Vietnamese', () => {
  let crm: CrmClient;
  beforeAll(async () => {
    crm = (await sandbox('fitness')).client();
  });

  it('round trip: reopened as stored, a webhook step on an endpoint made on the spot ("Điểm nhận mới…"), saved, reopened, saved unchanged', async () => {
    const user = userEvent.setup();
    const created = await crm.automationRules.create({
      name: 'Kiểm tra gói tập',
      resource: 'contacts',
      trigger: { type: 'event', events: ['contact.updated'], changed: ['lifecycleStage'] },
      steps: [
        { type: 'delay', minutes: 120, until: { time: '10:00', zone: 'workspace', weekdays: [1, 2, 3, 4, 5] } },
        {
          type: 'branch',
          if: { and: [{ field: 'customFields.membershipPlan', op: 'in', value: ['vip'] }] },
          yes: [{ type: 'update_field', field: 'customFields.packageBalance', value: 500000 }],
          no: [],
        },
        {
          type: 'create_task',
          kind: 'task',
          subject: 'Gọi hỏi thăm {{contact.firstName}}',
          dueInMinutes: 0,
          assignee: { type: 'owner' },
        },
      ],
    });
    await renderUi(<AutomationRules />, { client: crm, locale: 'vi-VN' });
    await user.click(
      await within(await rule('Kiểm tra gói tập')).findByRole('button', { name: 'Sửa: Kiểm tra gói tập' }),
    );
    const editor = await dialog('Sửa quy tắc: Kiểm tra gói tập');
    const wait = group(editor, 'Bước 1: Chờ');
    expect(within(wait).getByLabelText(/^Lúc/)).toHaveProperty('value', '10:00');
    expect(selected(combo(wait, 'Múi giờ'))).toBe('Của không gian làm việc');
    expect(within(wait).getByRole('checkbox', { name: 'Chủ Nhật' })).toHaveProperty('checked', false);
    expect(
      within(group(editor, 'Bước 3: Tạo công việc')).getByRole('textbox', { name: /Tiêu đề công việc/ }),
    ).toHaveProperty('value', 'Gọi hỏi thăm {{contact.firstName}}');

    // A webhook step, on an endpoint made here.
    await user.selectOptions(within(editor).getAllByRole('combobox', { name: 'Loại bước' }).at(-1)!, 'Gọi webhook');
    await user.click(within(editor).getAllByRole('button', { name: 'Thêm bước' }).at(-1)!);
    const step = group(editor, 'Bước 4: Gọi webhook');
    await user.click(await within(step).findByRole('button', { name: 'Điểm nhận mới…' }));
    const form = await dialog('Điểm nhận webhook mới');
    await user.type(within(form).getByRole('textbox', { name: /URL/ }), 'https://hooks.example.com/phong-tap');
    await user.keyboard('{Tab}');
    await user.type(within(form).getByRole('textbox', { name: 'Mô tả' }), 'Ứng dụng hội viên');
    expect((await axe.run(form)).violations.map((v) => v.id)).toEqual([]);
    await user.click(within(form).getByRole('button', { name: 'Tạo điểm nhận' }));
    const secret = await dialog('Khóa bí mật để ký');
    expect((within(secret).getByRole('textbox', { name: 'Khóa bí mật' }) as HTMLInputElement).value).toMatch(/^whsec_/);
    await user.click(within(secret).getByRole('button', { name: 'Xong' }));
    await waitFor(() => expect(screen.getAllByRole('dialog')).toHaveLength(1));
    const hook = (await crm.webhookSubscriptions.list({ limit: 100 })).data.find(
      (h) => h.url === 'https://hooks.example.com/phong-tap',
    )!;
    expect(hook).toMatchObject({ description: 'Ứng dụng hội viên', eventTypes: [], enabled: true });
    await waitFor(() => expect(selected(combo(step, /Điểm nhận/))).toContain('hooks.example.com/phong-tap'));
    await user.click(within(editor).getByRole('button', { name: 'Lưu quy tắc' }));
    await closed();
    const stored = await crm.automationRules.get(created.id);
    expect(stored.steps).toEqual([...created.steps, { type: 'webhook', subscriptionId: hook.id }]);
    expect(stored.trigger).toEqual(created.trigger);

    // Reopened: the same, and saved again unchanged.
    await user.click(within(await rule('Kiểm tra gói tập')).getByRole('button', { name: 'Sửa: Kiểm tra gói tập' }));
    const again = await dialog('Sửa quy tắc: Kiểm tra gói tập');
    await waitFor(() =>
      expect(selected(combo(group(again, 'Bước 4: Gọi webhook'), /Điểm nhận/))).toContain('Ứng dụng hội viên'),
    );
    expect(within(group(again, 'Bước 1: Chờ')).getByLabelText(/^Lúc/)).toHaveProperty('value', '10:00');
    await user.click(within(again).getByRole('button', { name: 'Lưu quy tắc' }));
    await closed();
    expect((await crm.automationRules.get(created.id)).steps).toEqual(stored.steps);
  });
});
