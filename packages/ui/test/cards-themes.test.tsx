import { render, screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { CrmProvider } from '../src/index.js';
import { CompanyCard } from '../src/widgets/company-card/index.js';
import { ContactCard } from '../src/widgets/contact-card/index.js';
import { sandbox } from './harness.js';
import '../src/widgets/shared/cards/cards.css';

const THEMES = ['light', 'dark', 'high-contrast'] as const;
const LOCALES = ['en-US', 'vi-VN', 'th-TH'] as const;

describe('cards in every theme and locale (demo workspace)', () => {
  // The first start of the demo seed in a browser session seeds PGlite: not part of any test's time.
  beforeAll(() => sandbox('demo'), 180_000);

  for (const theme of THEMES) {
    for (const locale of LOCALES) {
      it(`${theme} · ${locale}: no axe violations (contrast included)`, async () => {
        const s = await sandbox('demo');
        const crm = s.client();
        const [contact] = (await crm.contacts.list({ limit: 1, filter: { lifecycleStage: 'loyal' }, sort: 'lastName' }))
          .data;
        const [company] = (await crm.companies.list({ limit: 1, sort: 'name' })).data;
        document.body.style.background = theme === 'light' ? '#f4f5f7' : '#0b0d12';
        const { container } = render(
          <CrmProvider client={crm} locale={locale} appearance={{ theme }} live={false}>
            <div
              style={{ display: 'grid', gridTemplateColumns: '1fr 320px', gap: 16, padding: 16, alignItems: 'start' }}
            >
              <ContactCard contactId={contact!.id} />
              <CompanyCard companyId={company!.id} variant="compact" />
            </div>
          </CrmProvider>,
        );
        const card = await screen.findByRole('region', { name: `${contact!.firstName} ${contact!.lastName}`.trim() });
        // Related deals, tickets and people have loaded: no skeleton left.
        await waitFor(() => expect(container.querySelector('.crm-skeleton')).toBeNull(), { timeout: 10_000 });
        expect(card).toBeTruthy();
        await page.screenshot({ path: `__screenshots__/themes/cards-${theme}-${locale}.png` });
        const { violations } = await axe.run(container);
        expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
      });
    }
  }
});
