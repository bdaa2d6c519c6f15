/** Props of {@link Switch}. */
export interface SwitchProps {
  checked: boolean;
  /** Its accessible name ("Enabled: Birthday greeting"). */
  label: string;
  onChange: (checked: boolean) => void;
}

/**
 * An on / off switch (`role="switch"`, Space or Enter toggles it): a track with a thumb that slides across when on.
 * Its state is its `aria-checked`, said by its name; the row it switches marks the focus row's primary control.
 *
 * @example
 * <Switch checked={rule.enabled} label={t('rules.enabled', { name: rule.name })} onChange={(on) => toggle(rule, on)} />
 */
export function Switch({ checked, label, onChange }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      data-primary
      className="crm-switch"
      aria-checked={checked}
      aria-label={label}
      onClick={() => onChange(!checked)}
    >
      <span className="crm-switch-thumb" aria-hidden="true" />
    </button>
  );
}
