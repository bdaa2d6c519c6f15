import {
  type CSSProperties,
  forwardRef,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  useEffect,
  useId,
  useImperativeHandle,
  useRef,
} from 'react';
import { cx, usePart } from '../context/parts.js';
import { Icon, type IconPath } from './Icon.js';
import * as icons from './icons.js';
import { VisuallyHidden } from './VisuallyHidden.js';

/** The label, help text and error of a form control. */
export interface FieldProps {
  /** The visible label (also the control's accessible name). */
  label: ReactNode;
  /** Help text, linked with `aria-describedby`. */
  description?: ReactNode;
  /** An error message: sets `aria-invalid` and is linked with `aria-describedby`. */
  error?: ReactNode;
  required?: boolean;
  /** Keep the label for screen readers only (e.g. a search box with a search icon). */
  hideLabel?: boolean;
  /** The control's id (default a generated one). */
  id?: string;
  className?: string;
  style?: CSSProperties;
}

/** The props {@link Field} gives its control. */
export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  required: boolean | undefined;
}

/**
 * Lays out a label, description, control and error and wires their ids; for controls beyond the ones here.
 *
 * @example
 * <Field label={t('field.tags')} description="Press Enter to add">
 *   {(control) => <TagInput {...control} />}
 * </Field>
 */
export function Field({
  label,
  description,
  error,
  required,
  hideLabel,
  id,
  className,
  style,
  children,
}: FieldProps & { children: (control: ControlProps) => ReactNode }) {
  const generated = useId();
  const controlId = id ?? generated;
  const descriptionId = description ? `${controlId}-description` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const labelEl = (
    <label htmlFor={controlId} {...usePart('fieldLabel')}>
      {label}
      {required && (
        <span className="crm-field-required" aria-hidden="true">
          {' *'}
        </span>
      )}
    </label>
  );
  const descriptionPart = usePart('fieldDescription');
  const errorPart = usePart('fieldError');
  return (
    <div {...usePart('field', { className, style })} data-invalid={error ? '' : undefined}>
      {hideLabel ? <VisuallyHidden>{labelEl}</VisuallyHidden> : labelEl}
      {description && (
        <p id={descriptionId} {...descriptionPart}>
          {description}
        </p>
      )}
      {children({
        id: controlId,
        'aria-describedby': cx(descriptionId, errorId) || undefined,
        'aria-invalid': error ? true : undefined,
        required,
      })}
      {error && (
        <p id={errorId} {...errorPart}>
          <Icon icon={icons.alert} />
          <span>{error}</span>
        </p>
      )}
    </div>
  );
}

type FieldOwnKeys = keyof FieldProps;

/** Props of {@link TextField}. */
export interface TextFieldProps extends FieldProps, Omit<InputHTMLAttributes<HTMLInputElement>, FieldOwnKeys | 'size'> {
  /** A `<textarea>` instead of an `<input>`. */
  multiline?: boolean;
  /** Rows of a multiline field (default 3). */
  rows?: number;
  /** An icon inside the field, before the text (e.g. `search`). */
  icon?: IconPath;
}

/**
 * A labelled text input (or `multiline` textarea) with description and error.
 *
 * @example
 * <TextField label={t('field.email')} type="email" required error={errors.email} />
 * <TextField label={t('table.search')} hideLabel icon={icons.search} type="search" />
 */
export const TextField = /* @__PURE__ */ forwardRef<HTMLInputElement | HTMLTextAreaElement, TextFieldProps>(
  function TextField(
    { label, description, error, required, hideLabel, id, className, style, multiline, rows = 3, icon, ...rest },
    ref,
  ) {
    const input = usePart('input');
    return (
      <Field {...{ label, description, error, required, hideLabel, id, className, style }}>
        {(control) =>
          multiline ? (
            <textarea
              ref={ref as Ref<HTMLTextAreaElement>}
              rows={rows}
              {...(rest as InputHTMLAttributes<HTMLTextAreaElement>)}
              {...control}
              {...input}
              data-multiline=""
            />
          ) : (
            <span className="crm-input-wrap">
              {icon && <Icon icon={icon} className="crm-input-icon" />}
              <input
                ref={ref as Ref<HTMLInputElement>}
                type="text"
                {...rest}
                {...control}
                {...input}
                data-icon={icon ? '' : undefined}
              />
            </span>
          )
        }
      </Field>
    );
  },
);

/** One option of a {@link Select}. */
export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/** Props of {@link Select}. */
export interface SelectProps extends FieldProps, Omit<SelectHTMLAttributes<HTMLSelectElement>, FieldOwnKeys> {
  options?: readonly SelectOption[];
  /** A first, empty option (e.g. "Unassigned"). */
  placeholder?: string;
}

/**
 * A labelled native `<select>` (native: the platform's keyboard, touch and screen-reader behaviour).
 *
 * @example
 * <Select
 *   label={t('field.lifecycleStage')}
 *   options={stages.map((s) => ({ value: s, label: t(`lifecycle.${s}`) }))}
 *   value={stage}
 *   onChange={(e) => setStage(e.target.value)}
 * />
 */
export const Select = /* @__PURE__ */ forwardRef<HTMLSelectElement, SelectProps>(function Select(
  { label, description, error, required, hideLabel, id, className, style, options, placeholder, children, ...rest },
  ref,
) {
  const select = usePart('select');
  return (
    <Field {...{ label, description, error, required, hideLabel, id, className, style }}>
      {(control) => (
        <span className="crm-select-wrap">
          <select ref={ref} {...rest} {...control} {...select}>
            {placeholder !== undefined && <option value="">{placeholder}</option>}
            {options?.map((o) => (
              <option key={o.value} value={o.value} disabled={o.disabled}>
                {o.label}
              </option>
            ))}
            {children}
          </select>
          <Icon icon={icons.chevronDown} className="crm-select-icon" />
        </span>
      )}
    </Field>
  );
});

/** Props of {@link Checkbox}. */
export interface CheckboxProps extends FieldProps, Omit<InputHTMLAttributes<HTMLInputElement>, FieldOwnKeys | 'type'> {
  /** The mixed state of a "select all" box when some rows are selected. */
  indeterminate?: boolean;
}

/**
 * A labelled checkbox (a native one, restyled), with description, error and an `indeterminate` state.
 *
 * @example
 * <Checkbox label={t('consent.email')} checked={granted} onChange={(e) => setGranted(e.target.checked)} />
 * <Checkbox label={t('table.selectAllRows')} hideLabel checked={all} indeterminate={some} onChange={toggleAll} />
 */
export const Checkbox = /* @__PURE__ */ forwardRef<HTMLInputElement, CheckboxProps>(function Checkbox(
  { label, description, error, required, hideLabel, id, className, style, indeterminate, ...rest },
  ref,
) {
  const inner = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => inner.current!);
  useEffect(() => {
    if (inner.current) inner.current.indeterminate = !!indeterminate;
  }, [indeterminate]);
  const box = usePart('checkbox');
  return (
    <Field
      {...{ label, description, error, required, hideLabel, id, style }}
      className={cx('crm-checkbox-field', className)}
    >
      {(control) => (
        <span className="crm-checkbox-control">
          <input ref={inner} type="checkbox" {...rest} {...control} {...box} />
          <Icon icon={indeterminate ? icons.minus : icons.check} className="crm-checkbox-mark" />
        </span>
      )}
    </Field>
  );
});
