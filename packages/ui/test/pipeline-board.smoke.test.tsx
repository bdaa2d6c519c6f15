import type { Sandbox } from '@crmkit/sandbox';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { PipelineBoard } from '../src/widgets/pipeline-board/index.js';
import { renderUi, sandbox } from './harness.js';
import '../src/widgets/pipeline-board/pipeline-board.css';

let demo: Sandbox;
beforeAll(async () => {
  demo = await sandbox('demo');
}, 120_000);

describe('PipelineBoard smoke', () => {
  it('renders', async () => {
    const { container } = await renderUi(<PipelineBoard />, { client: demo.client() });
    const board = await screen.findByRole('region', { name: 'Deals board' }, { timeout: 15_000 });
    await waitFor(() => expect(board.querySelectorAll('[data-deal-id]').length).toBeGreaterThan(5), {
      timeout: 15_000,
    });
    await new Promise((r) => setTimeout(r, 1000));
    await page.screenshot({ path: '__screenshots__/board-smoke.png', element: container });
    expect(within(board).getAllByRole('region').length).toBeGreaterThan(3);
  });
});
