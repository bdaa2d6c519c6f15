import { placeholderText } from '@crmkit/core/templates';
import { useId, useState } from 'react';
import { useT } from '../../context/i18n.js';
import { Button } from '../../primitives/Button.js';
import { Select, TextField } from '../../primitives/Field.js';
import * as icons from '../../primitives/icons.js';
import { usePlaceholders } from './placeholders.js';

/** Props of {@link PlaceholderPicker}. */
export interface PlaceholderPickerProps {
  /** Inserts the placeholder's text (`{{contact.firstName|bạn}}`) where the user was writing. */
  onInsert: (text: string) => void;
  disabled?: boolean;
}

/**
 * Picks a placeholder of the schema's contact fields (custom fields included) or the workspace, with what to write
 * when a recipient has no value, and inserts it in the server's syntax.
 */
export function PlaceholderPicker({ onInsert, disabled }: PlaceholderPickerProps) {
  const t = useT();
  const id = useId();
  const groups = usePlaceholders();
  const [path, setPath] = useState('contact.firstName');
  const [fallback, setFallback] = useState('');
  return (
    <fieldset className="crm-cc-picker" aria-labelledby={`${id}-legend`} disabled={disabled}>
      <legend id={`${id}-legend`} className="crm-cc-legend">
        {t('composer.placeholder')}
      </legend>
      <Select label={t('composer.placeholder')} hideLabel value={path} onChange={(e) => setPath(e.target.value)}>
        {(['contact', 'custom', 'workspace'] as const).map(
          (group) =>
            groups[group].length > 0 && (
              <optgroup key={group} label={t(`composer.placeholder.${group}`)}>
                {groups[group].map((p) => (
                  <option key={p.path} value={p.path}>
                    {p.label}
                  </option>
                ))}
              </optgroup>
            ),
        )}
      </Select>
      <TextField
        label={t('composer.fallback')}
        value={fallback}
        maxLength={100}
        onChange={(e) => setFallback(e.target.value)}
      />
      <Button size="sm" icon={icons.plus} onClick={() => onInsert(placeholderText(path, fallback))}>
        {t('composer.insert')}
      </Button>
    </fieldset>
  );
}
