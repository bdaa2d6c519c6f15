import type { MessageKey, Translate } from '../../../i18n/translate.js';

/** The catalog's label of each standard field the widgets show, by key. */
const LABELS: Record<string, MessageKey> = {
  name: 'field.name',
  firstName: 'field.firstName',
  lastName: 'field.lastName',
  title: 'field.title',
  emails: 'field.email',
  phones: 'field.phone',
  companyId: 'field.company',
  ownerId: 'field.owner',
  lifecycleStage: 'field.lifecycleStage',
  source: 'field.source',
  birthday: 'field.birthday',
  tags: 'field.tags',
  lastContactedAt: 'field.lastTouch',
  domain: 'field.domain',
  industry: 'field.industry',
  size: 'field.size',
};

/**
 * The catalog's label of a standard field, for one a server's schema does not declare (it labels those it does).
 *
 * @example
 * standardFieldLabel(t, 'ownerId'); // 'Owner'
 */
export function standardFieldLabel(t: Translate, key: string): string | undefined {
  const label = LABELS[key];
  return label && t(label as 'field.owner');
}
