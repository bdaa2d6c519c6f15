'use client';
/**
 * `@crmkit/ui/contact-card`: everything about one contact at a glance, with inline editing.
 *
 * @example
 * import '@crmkit/ui/styles.css';
 * import { ContactCard } from '@crmkit/ui/contact-card';
 * <ContactCard contactId={id} onOpenCompany={(companyId) => navigate(`/companies/${companyId}`)} />
 */
export { ContactCard, type ContactCardProps } from './ContactCard.js';
