/** Props of {@link FilterButtons}. */
export interface FilterButtonsProps<T extends string> {
  /** The group's accessible name ("Show runs"). */
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}

/**
 * One-of filter buttons over a log (all, failed, waiting…): toggle buttons (`aria-pressed`) in a named group.
 *
 * @example
 * <FilterButtons label={t('rules.outcomes')} options={OUTCOMES.map((o) => ({ value: o, label: t(`rules.outcome.${o}`) }))} value={outcome} onChange={setOutcome} />
 */
export function FilterButtons<T extends string>({ label, options, value, onChange }: FilterButtonsProps<T>) {
  return (
    // A group of toggle buttons, not form fields: no fieldset.
    // biome-ignore lint/a11y/useSemanticElements: see above
    <div className="crm-filter-buttons" role="group" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          className="crm-filter-button"
          aria-pressed={o.value === value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
