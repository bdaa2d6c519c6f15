import { CAMPAIGN_CONTACT_FIELDS } from '@crmkit/core/templates';
import { localize, useSchema } from '@crmkit/react';
import { useMemo } from 'react';
import { useMessages } from '../../context/i18n.js';
import { standardFieldLabel } from '../shared/fields/labels.js';

/** A placeholder the picker offers: its path in templates and its label in the user's language. */
export interface PlaceholderOption {
  path: string;
  label: string;
}

/** The picker's groups: the contact's standard fields, its custom fields, the workspace. */
export interface PlaceholderGroups {
  contact: PlaceholderOption[];
  custom: PlaceholderOption[];
  workspace: PlaceholderOption[];
}

/** The schema's field of each standard placeholder whose key differs (`email` is the first of `emails`). */
const SCHEMA_KEY: Record<string, string> = { email: 'emails', phone: 'phones' };

/**
 * The placeholders a campaign template may use in this workspace — the server's list (`CAMPAIGN_CONTACT_FIELDS`), the
 * contact custom fields of the schema and the workspace's name — labelled as the schema and catalog label them.
 *
 * @example
 * const { custom } = usePlaceholders();
 * custom[0]; // { path: 'contact.customFields.membershipExpiry', label: 'Ngày hết hạn thẻ' }
 */
export function usePlaceholders(): PlaceholderGroups {
  const { data: schema } = useSchema();
  const { t, locale, messages } = useMessages();
  return useMemo(() => {
    const defs = schema?.fields.contact ?? [];
    const labelOf = (key: string) => {
      const def = defs.find((d) => !d.custom && d.key === (SCHEMA_KEY[key] ?? key));
      if (def) return localize(def.label, locale);
      if (key === 'name') return t('composer.placeholder.fullName');
      return standardFieldLabel(messages, t, SCHEMA_KEY[key] ?? key) ?? key;
    };
    return {
      contact: CAMPAIGN_CONTACT_FIELDS.map((key) => ({ path: `contact.${key}`, label: labelOf(key) })),
      custom: defs
        .filter((d) => d.custom)
        .map((d) => ({ path: `contact.customFields.${d.key}`, label: localize(d.label, locale) })),
      workspace: [{ path: 'workspace.name', label: t('composer.placeholder.workspaceName') }],
    };
  }, [schema, t, locale, messages]);
}
