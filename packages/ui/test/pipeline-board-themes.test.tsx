import { render, screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { CrmProvider } from '../src/index.js';
import { PipelineBoard } from '../src/widgets/pipeline-board/index.js';
import { sandbox } from './harness.js';
import '../src/widgets/pipeline-board/pipeline-board.css';

const THEMES = ['light', 'dark', 'high-contrast'] as const;
const LOCALES = ['en-US', 'vi-VN', 'th-TH'] as const;

describe('the board in every theme and locale (demo workspace)', () => {
  beforeAll(() => sandbox('demo'), 180_000);

  for (const theme of THEMES) {
    for (const locale of LOCALES) {
      it(`${theme} · ${locale}: no axe violations (contrast included); rotting, next activities and the forecast show`, async () => {
        const s = await sandbox('demo');
        document.body.style.background = theme === 'light' ? '#f4f5f7' : '#0b0d12';
        const { container } = render(
          <CrmProvider client={s.client()} locale={locale} appearance={{ theme }} live={false}>
            <div style={{ padding: 16 }}>
              <PipelineBoard height={620} />
            </div>
          </CrmProvider>,
        );
        await waitFor(() => expect(container.querySelectorAll('[data-deal-id]').length).toBeGreaterThan(8), {
          timeout: 15_000,
        });
        await waitFor(() => expect(container.querySelector('.crm-skeleton')).toBeNull(), { timeout: 15_000 });
        await screen.findAllByRole('img', { name: /./ }, { timeout: 15_000 }); // the columns' activity bars
        await waitFor(() => expect(container.querySelector('.crm-pb-forecast-bar')).not.toBeNull());
        await page.screenshot({ path: `__screenshots__/themes/board-${theme}-${locale}.png` });
        const { violations } = await axe.run(container);
        expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
      });
    }
  }
});
