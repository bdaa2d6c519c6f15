import type { SegmentResource } from '@crmkit/client';
import { useEntityLabel } from '../../../context/labels.js';

/**
 * The workspace's plural label of each resource a segment can select from ("Members" for a fitness club's contacts).
 *
 * @example
 * const labels = useResourceLabels();
 * labels.contacts; // 'Members'
 */
export function useResourceLabels(): Record<SegmentResource, string> {
  return {
    contacts: useEntityLabel('contact'),
    companies: useEntityLabel('company'),
    leads: useEntityLabel('lead'),
    deals: useEntityLabel('deal'),
    tickets: useEntityLabel('ticket'),
  };
}
