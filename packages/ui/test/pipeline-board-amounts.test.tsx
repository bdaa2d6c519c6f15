import type { CrmClient } from '@crmkit/client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { PipelineBoard } from '../src/widgets/pipeline-board/index.js';
import { renderUi, sandbox } from './harness.js';
import '../src/widgets/pipeline-board/pipeline-board.css';

/**
 * Amounts typed on the board the local way: quick add stores what was meant (`150.000` ₫ is a hundred and fifty
 * thousand dong, `1,500` baht fifteen hundred), and refuses what could be read two ways with an example.
 */

let admin: CrmClient;
beforeAll(async () => {
  admin = (await sandbox()).client();
});

let made = 0;
async function board(currency: string, locale: string) {
  const p = await admin.pipelines.create({
    name: `Amounts ${++made}`,
    currency,
    stages: [
      { name: `Lead ${made}`, probability: 10, kind: 'open' },
      { name: `Won ${made}`, probability: 100, kind: 'won' },
    ],
  });
  const stage = p.stages[0]!;
  const { unmount } = await renderUi(<PipelineBoard pipelineId={p.id} />, { client: admin, locale });
  const column = await screen.findByRole('region', { name: new RegExp(stage.name) }, { timeout: 15_000 });
  return { pipeline: p, stage, column, unmount };
}

/** Opens quick add in `column`, types a name and an amount, and submits. */
async function quickAdd(column: HTMLElement, add: RegExp, name: string, amount: string, submit: string) {
  await userEvent.click(within(column).getByRole('button', { name: add }));
  const inputs = await within(column).findAllByRole('textbox', {}, { timeout: 15_000 });
  await userEvent.type(inputs[0]!, name);
  await userEvent.type(inputs[1]!, amount);
  await userEvent.click(within(column).getByRole('button', { name: submit }));
  return inputs[1]!;
}

const stored = async (pipelineId: string) => (await admin.deals.list({ filter: { pipelineId } })).data;

describe('quick add on the board', () => {
  it('stores 150.000 ₫ typed in Vietnamese as 150,000 dong', async () => {
    const { pipeline, column, unmount } = await board('VND', 'vi-VN');
    await quickAdd(column, /^Thêm .* vào Lead/, 'Gói dịch vụ', '150.000', 'Thêm');
    await waitFor(async () =>
      expect(await stored(pipeline.id)).toMatchObject([{ name: 'Gói dịch vụ', amount: 150_000 }]),
    );
    unmount();
  });

  it('stores ฿1,500 typed in Thai as 1,500 baht (150,000 satang)', async () => {
    const { pipeline, column, unmount } = await board('THB', 'th-TH');
    await quickAdd(column, /^เพิ่ม.*ใน Lead/, 'แพ็กเกจรายปี', '1,500', 'เพิ่ม');
    await waitFor(async () => expect(await stored(pipeline.id)).toMatchObject([{ amount: 150_000 }]));
    unmount();
  });

  it('refuses 1.500 for dollars (either 1.5 or 1500) with an example, and saves nothing', async () => {
    const { pipeline, column, unmount } = await board('USD', 'en-US');
    const amount = await quickAdd(column, /^Add .* to Lead/, 'Renewal', '1.500', 'Add');
    expect(await within(column).findByText('Write it like 1,234,567.89.')).toBeTruthy();
    expect(document.activeElement).toBe(amount);
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(await stored(pipeline.id)).toEqual([]);
    unmount();
  });
});
