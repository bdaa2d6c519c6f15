/**
 * `@crmkit/ui`: the foundation of the crmkit widgets — the provider, theming (`appearance`), i18n (en, vi, th) and
 * accessible primitives. Each widget has its own entry (`@crmkit/ui/contact-card`, ...); the stylesheet is
 * `@crmkit/ui/styles.css`.
 *
 * @example
 * import '@crmkit/ui/styles.css';
 * import { CrmProvider, createCrmClient } from '@crmkit/ui';
 * import { ContactCard } from '@crmkit/ui/contact-card';
 *
 * const client = createCrmClient({ baseUrl: '/crm', auth: { getToken } });
 * <CrmProvider client={client} locale="vi-VN" appearance={{ theme: 'dark' }}>
 *   <ContactCard contactId={id} />
 * </CrmProvider>
 */
export { type CrmClient, createCrmClient } from '@crmkit/client';
export { useAnnounce } from './context/announce.js';
export { useMessages, useT } from './context/i18n.js';
export { type EntityName, useEntityLabel } from './context/labels.js';
export { cx, type PartProps, useAppearance, usePart } from './context/parts.js';
export type { Announce, Politeness, PortalContainer } from './context/ui.js';
export { preloadMessages } from './i18n/catalogs.js';
export {
  createTranslator,
  type MessageKey,
  type MessageOverrides,
  type Messages,
  type MessageValues,
  type PluralForms,
  resolveMessages,
  type Translate,
} from './i18n/translate.js';
export { Avatar, type AvatarProps, avatarColors, initials } from './primitives/Avatar.js';
export { Badge, type BadgeProps } from './primitives/Badge.js';
export { Button, type ButtonProps } from './primitives/Button.js';
export { Card, type CardProps, type HeadingLevel, Section, type SectionProps } from './primitives/Card.js';
export { CrmRoot, type CrmRootProps, Portal } from './primitives/CrmRoot.js';
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
export { Icon, type IconName, type IconProps, iconNames } from './primitives/Icon.js';
export { IconButton, type IconButtonProps } from './primitives/IconButton.js';
export { Menu, MenuItem, type MenuItemProps, type MenuProps, MenuSeparator } from './primitives/Menu.js';
export { Popover, type PopoverProps } from './primitives/Popover.js';
export { Skeleton, type SkeletonProps } from './primitives/Skeleton.js';
export { Spinner, type SpinnerProps } from './primitives/Spinner.js';
export { StateView, type StateViewProps, stateOfError, type ViewState } from './primitives/StateView.js';
export { LiveRegion, type LiveRegionProps, VisuallyHidden } from './primitives/VisuallyHidden.js';
export { CrmProvider, type CrmProviderProps } from './provider.js';
export {
  type Appearance,
  type ElementPart,
  type Elements,
  partClass,
  type ResolvedAppearance,
  resolveAppearance,
  type ThemeDefinition,
  type ThemeName,
  themes,
  type Variables,
} from './theme/appearance.js';
export { contrastRatio } from './theme/contrast.js';
