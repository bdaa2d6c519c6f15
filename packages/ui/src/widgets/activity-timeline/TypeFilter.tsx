import { useCrm, useSchema } from '@crmkit/react';
import { useT } from '../../context/i18n.js';
import { Icon } from '../../primitives/Icon.js';
import { type ActivityType, TYPE_ICON, TYPES, typeLabel } from './labels.js';

/**
 * The type filter: "All activity" and a toggle button per type the workspace uses (several can be on; none is all).
 *
 * @example
 * <TypeFilter types={types} onToggle={toggleType} />
 */
export function TypeFilter({
  types,
  onToggle,
}: {
  /** The types shown; empty: all. */
  types: ActivityType[];
  /** Toggles a type; `null`: shows all again. */
  onToggle: (type: ActivityType | null) => void;
}) {
  const t = useT();
  const { locale } = useCrm();
  const schema = useSchema().data;
  const shown = schema ? TYPES.filter((k) => schema.activityTypes.some((a) => a.key === k)) : TYPES;
  return (
    // A group of toggle buttons, not form fields: no fieldset.
    // biome-ignore lint/a11y/useSemanticElements: see above
    <div role="group" aria-label={t('timeline.filterByType')} className="crm-at-filters">
      <button type="button" className="crm-at-chip" aria-pressed={types.length === 0} onClick={() => onToggle(null)}>
        {t('timeline.allTypes')}
      </button>
      {shown.map((type) => (
        <button
          key={type}
          type="button"
          className="crm-at-chip"
          data-type={type}
          aria-pressed={types.includes(type)}
          onClick={() => onToggle(type)}
        >
          <Icon icon={TYPE_ICON[type]} />
          {typeLabel(type, t, locale, schema)}
        </button>
      ))}
    </div>
  );
}
