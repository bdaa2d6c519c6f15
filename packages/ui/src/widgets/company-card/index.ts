'use client';
/**
 * `@crmkit/ui/company-card`: a company at a glance — people, open deals and their value — with inline editing.
 *
 * @example
 * import '@crmkit/ui/styles.css';
 * import { CompanyCard } from '@crmkit/ui/company-card';
 * <CompanyCard companyId={id} onOpenContact={(contactId) => navigate(`/contacts/${contactId}`)} />
 */
export { CompanyCard, type CompanyCardProps } from './CompanyCard.js';
