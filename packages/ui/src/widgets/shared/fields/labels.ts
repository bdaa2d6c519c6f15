import type { Schemas } from '@crmkit/client';
import { localize } from '@crmkit/react';
import type { Messages, Translate } from '../../../i18n/translate.js';

/** Standard fields whose catalog label is not `field.<key>`. */
const LABEL_KEYS: Record<string, string> = {
  emails: 'email',
  phones: 'phone',
  companyId: 'company',
  ownerId: 'owner',
  lastContactedAt: 'lastTouch',
};

/**
 * The catalog's label of a standard field (`field.<key>`), for one a server's schema does not declare (it labels those
 * it does); `undefined` when the catalog has none.
 *
 * @example
 * standardFieldLabel(messages, t, 'ownerId'); // 'Owner'
 */
export function standardFieldLabel(messages: Messages, t: Translate, key: string): string | undefined {
  const label = `field.${LABEL_KEYS[key] ?? key}`;
  return label in messages ? t(label as 'field.owner') : undefined;
}

/**
 * The label of a lifecycle stage: the workspace's (from its schema), else the catalog's.
 *
 * @example
 * stageLabel('loyal', { t, locale, schema }); // 'Hội viên thân thiết' for a workspace that named it so
 */
export function stageLabel(
  stage: string,
  { t, locale, schema }: { t: Translate; locale: string; schema: Schemas['WorkspaceSchema'] | undefined },
): string {
  const own = schema?.lifecycleStages.find((s) => s.key === stage)?.label;
  return own ? localize(own, locale) : t(`lifecycle.${stage as Schemas['LifecycleStage']}`);
}

/**
 * A pipeline's or a pipeline stage's name for `locale`: its label there (`label` of the schema's pipeline or stage),
 * else its `name` — so a workspace that labels its pipelines and stages per language shows no English names to
 * Vietnamese or Thai users.
 *
 * @example
 * pipelineStageName({ name: 'Proposal', label: { en: 'Proposal', vi: 'Gửi báo giá' } }, 'vi-VN'); // 'Gửi báo giá'
 * pipelineStageName({ name: 'Renewals', label: { en: 'Renewals', vi: 'Gia hạn hội viên' } }, 'vi-VN'); // 'Gia hạn hội viên'
 */
export function pipelineStageName(
  item: { name: string; label?: Schemas['LocalizedText'] | null },
  locale: string,
): string {
  return item.label ? localize(item.label, locale) : item.name;
}
