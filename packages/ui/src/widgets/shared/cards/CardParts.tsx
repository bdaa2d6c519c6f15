import type { Schemas } from '@crmkit/client';
import { localize } from '@crmkit/react';
import type { Ref } from 'react';
import { useT } from '../../../context/i18n.js';
import { Badge } from '../../../primitives/Badge.js';
import { IconButton } from '../../../primitives/IconButton.js';
import * as icons from '../../../primitives/icons.js';
import { FieldValue } from '../fields/FieldValue.js';
import { fieldValue } from '../fields/values.js';
import type { Detail } from './DetailList.js';

/**
 * Pieces both record cards show the same way: the edit button, tags as badges, and the owner and custom-field rows
 * of their detail list.
 */

/** The pencil button that opens a card's inline editor, named "Edit <name>" (`buttonRef`: where focus returns). */
export function EditButton({
  name,
  onClick,
  buttonRef,
}: {
  name: string;
  onClick: () => void;
  buttonRef: Ref<HTMLButtonElement>;
}) {
  const t = useT();
  return (
    <IconButton
      ref={buttonRef}
      icon={icons.pencil}
      className="crm-card-edit"
      aria-label={t('card.editName', { name })}
      onClick={onClick}
    />
  );
}

/** A record's tags as badges. */
export function TagBadges({ tags }: { tags: readonly string[] }) {
  return (
    <p className="crm-badges">
      {tags.map((tag) => (
        <Badge key={tag} icon={icons.tag}>
          {tag}
        </Badge>
      ))}
    </p>
  );
}

/** The owner row: the owner's name, or "Unassigned". */
export function ownerItem(t: ReturnType<typeof useT>, owner: { name: string } | undefined): Detail {
  return {
    key: 'owner',
    term: t('field.owner'),
    description: owner ? owner.name : <span className="crm-muted">{t('field.unassigned')}</span>,
  };
}

/** One row per custom field among `fields` (the workspace schema's fields of the record's entity), labelled in `locale`. */
export function customFieldItems(
  fields: readonly Schemas['FieldDefinition'][] | undefined,
  record: object,
  locale: string,
): Detail[] {
  return (fields ?? [])
    .filter((d) => d.custom)
    .map((d) => ({
      key: d.key,
      term: localize(d.label, locale),
      description: <FieldValue field={d} value={fieldValue(record, d)} />,
    }));
}
