import type { CrmClient } from '@crmkit/client';
import * as th from '@crmkit/core/glossary/th';
import * as vi from '@crmkit/core/glossary/vi';
import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { PipelineBoard } from '../src/widgets/pipeline-board/index.js';
import { renderUi, sandbox } from './harness.js';
import '../src/widgets/pipeline-board/pipeline-board.css';

/**
 * The board names its pipeline and stages by their labels in the user's language (`label` of a pipeline and of a stage
 * in `/v1/schema`), so a Vietnamese or Thai workspace that labels them shows no "Renewals" or "Proposal / Won"; a stage
 * without a label keeps its name.
 */
let admin: CrmClient;
beforeAll(async () => {
  admin = (await sandbox()).client();
});

let made = 0;
const pipeline = () =>
  admin.pipelines.create({
    name: `Labelled ${++made}`,
    label: { en: 'Renewals', vi: vi.renewals, th: th.renewals },
    currency: 'VND',
    stages: [
      { name: 'Proposal', label: { en: 'Proposal', vi: vi.proposal, th: th.proposal }, probability: 50, kind: 'open' },
      { name: 'Won', label: { en: 'Won', vi: vi.won, th: th.won }, probability: 100, kind: 'won' },
      { name: 'Parked', probability: 0, kind: 'lost' },
    ],
  });

describe.each([
  ['vi-VN', vi.proposal, vi.won, vi.renewals],
  ['th-TH', th.proposal, th.won, th.renewals],
  ['en-US', 'Proposal', 'Won', 'Renewals'],
])('the board in %s', (locale, proposal, won, renewals) => {
  it('names the pipeline and each stage by its label there, and a stage without one by its name', async () => {
    const p = await pipeline();
    const { unmount } = await renderUi(<PipelineBoard pipelineId={p.id} />, { client: admin, locale });
    const column = await screen.findByRole('region', { name: new RegExp(proposal) }, { timeout: 15_000 });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(renewals);
    expect(within(column).getByRole('heading').textContent).toContain(proposal);
    expect(screen.getByRole('region', { name: new RegExp(won) })).toBeTruthy();
    expect(screen.getByRole('region', { name: /Parked/ })).toBeTruthy();
    if (locale !== 'en-US') expect(screen.queryByRole('region', { name: /Proposal|Won/ })).toBeNull();
    unmount();
  });
});
