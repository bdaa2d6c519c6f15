import type { Schemas } from '@crmkit/client';

type Resource = Schemas['AutomationRule']['resource'];

/** The entity whose fields a rule's conditions are on (activities have none the filter editor offers). */
export const ENTITY_OF_RESOURCE = {
  contacts: 'contact',
  deals: 'deal',
  tickets: 'ticket',
  leads: 'lead',
} as const satisfies Partial<Record<Resource, string>>;
