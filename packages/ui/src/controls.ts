/**
 * The primitives the widgets load lazily with their forms and popups (see `index.ts`): dialogs, fields, menus and
 * popovers.
 */
export { Dialog, type DialogProps } from './primitives/Dialog.js';
export {
  Checkbox,
  type CheckboxProps,
  type ControlProps,
  Field,
  type FieldProps,
  Select,
  type SelectOption,
  type SelectProps,
  TextField,
  type TextFieldProps,
} from './primitives/Field.js';
export { Menu, MenuItem, type MenuItemProps, type MenuProps, MenuSeparator } from './primitives/Menu.js';
export { Popover, type PopoverProps } from './primitives/Popover.js';
