/**
 * The foundation's exports (see `index.ts`): the provider, hooks, i18n, theming and the primitives every widget
 * renders eagerly.
 */
export { type CrmClient, createCrmClient } from '@crmkit/client';
export { useAnnounce } from './context/announce.js';
export { useMessages, useT } from './context/i18n.js';
export { type EntityName, useEntityLabel } from './context/labels.js';
export { cx, type PartProps, useAppearance, usePart } from './context/parts.js';
export type { Announce, Politeness, PortalContainer } from './context/ui.js';
export {
  createTranslator,
  type MessageKey,
  type MessageOverrides,
  type Messages,
  type MessageValues,
  type PluralForms,
  type Translate,
} from './i18n/translate.js';
export { Avatar, type AvatarProps, avatarColors, initials } from './primitives/Avatar.js';
export { Badge, type BadgeProps } from './primitives/Badge.js';
export { Button, type ButtonProps } from './primitives/Button.js';
export { Card, type CardProps, type HeadingLevel, Section, type SectionProps } from './primitives/Card.js';
export { CrmRoot, type CrmRootProps, Portal } from './primitives/CrmRoot.js';
export { Icon, type IconName, type IconPath, type IconProps } from './primitives/Icon.js';
export { IconButton, type IconButtonProps } from './primitives/IconButton.js';
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
