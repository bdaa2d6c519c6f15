import * as glossaryTh from '@crmkit/core/glossary/th';
import * as glossaryVi from '@crmkit/core/glossary/vi';
import { describe, expect, it } from 'vitest';
import type { PortalMessages } from '../src/i18n/en.js';
import { th } from '../src/i18n/th.js';
import { vi } from '../src/i18n/vi.js';

/**
 * The portal's catalogs name the CRM's concepts with the glossary's terms (`@crmkit/core/glossary/*`), the terms the
 * widgets and the server's labels use: the page around a widget never calls a contact or a ticket something else.
 */
const CONCEPTS: Partial<Record<keyof PortalMessages, keyof typeof glossaryVi>> = {
  'nav.contacts': 'contacts',
  'contact.title': 'contact',
  'access.contacts': 'contacts',
  'nav.deals': 'deals',
  'access.deals': 'deals',
  'deal.title': 'deal',
  'access.tickets': 'tickets',
  'companies.owner': 'owner',
  'deal.probability': 'probability',
  'deal.expectedClose': 'expectedCloseDate',
};

describe.each([
  ['vi', vi, glossaryVi],
  ['th', th, glossaryTh],
] as const)('the portal’s %s catalog', (_, catalog, glossary) => {
  it.each(Object.entries(CONCEPTS))('says %s as the glossary’s %s', (key, concept) => {
    expect(catalog[key as keyof PortalMessages]).toBe(glossary[concept as keyof typeof glossary]);
  });
});
