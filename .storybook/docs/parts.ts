/**
 * The `appearance.elements` parts a widget renders, and the check that keeps each widget's docs page list of them
 * whole: after every story, the parts on screen (in the story and in the portals it opened) must be listed.
 */
import { type ElementPart, partClass } from '@crmkit/ui';

/** Every part, at run time (the type checker keeps it equal to `ElementPart`). */
const ALL_PARTS = {
  root: true,
  card: true,
  cardHeader: true,
  cardTitle: true,
  cardActions: true,
  cardBody: true,
  section: true,
  sectionTitle: true,
  button: true,
  iconButton: true,
  icon: true,
  badge: true,
  avatar: true,
  field: true,
  fieldLabel: true,
  fieldDescription: true,
  fieldError: true,
  input: true,
  select: true,
  checkbox: true,
  skeleton: true,
  spinner: true,
  dialogOverlay: true,
  dialog: true,
  dialogTitle: true,
  dialogDescription: true,
  dialogBody: true,
  dialogFooter: true,
  popover: true,
  menu: true,
  menuItem: true,
  stateView: true,
  stateViewTitle: true,
  stateViewDescription: true,
  contactCard: true,
  companyCard: true,
  contactsTable: true,
  activityTimeline: true,
  pipelineBoard: true,
  pipelineColumn: true,
  pipelineCard: true,
  ticketInbox: true,
  notificationsMenu: true,
  tasksList: true,
  segmentBuilder: true,
  segmentsList: true,
  automationRules: true,
  campaignReport: true,
  campaignComposer: true,
  webhooks: true,
} as const satisfies Record<ElementPart, true>;

export const PARTS = Object.keys(ALL_PARTS) as ElementPart[];

/** What every data widget shows while it loads, when empty, on an error (with a spinner while retrying). */
export const STATE_PARTS: ElementPart[] = [
  'skeleton',
  'spinner',
  'stateView',
  'stateViewTitle',
  'stateViewDescription',
];
/** A form's fields (`TextField`, `Select`, `Checkbox`). */
export const FIELD_PARTS: ElementPart[] = [
  'field',
  'fieldLabel',
  'fieldDescription',
  'fieldError',
  'input',
  'select',
  'checkbox',
];
/** A dialog. */
export const DIALOG_PARTS: ElementPart[] = [
  'dialogOverlay',
  'dialog',
  'dialogTitle',
  'dialogDescription',
  'dialogBody',
  'dialogFooter',
];
/**
 * A list widget (`ContactsTable`, `PipelineBoard`) besides its own parts: its toolbar's buttons and menus, its rows'
 * badges and avatars, its states, and the forms and dialogs it opens.
 */
export const LIST_PARTS: ElementPart[] = [
  'root',
  'button',
  'iconButton',
  'icon',
  'badge',
  'avatar',
  'menu',
  'menuItem',
  'popover',
  ...STATE_PARTS,
  ...FIELD_PARTS,
  ...DIALOG_PARTS,
];
/** A record card (`ContactCard`, `CompanyCard`) besides its own part: the card, its sections, its editor and dialog. */
export const CARD_PARTS: ElementPart[] = [
  'root',
  'card',
  'cardHeader',
  'cardTitle',
  'cardActions',
  'cardBody',
  'section',
  'sectionTitle',
  'button',
  'iconButton',
  'icon',
  'badge',
  'avatar',
  ...STATE_PARTS,
  ...FIELD_PARTS,
  ...DIALOG_PARTS,
];

/** The parts rendered in `document` (a story and the portals it opened). */
export function partsOnScreen(document: Document): ElementPart[] {
  return PARTS.filter((part) => document.querySelector(`.${partClass(part)}`));
}

/**
 * Throws when a story shows parts that its widget's docs (`parameters.docs.widget.parts`) do not list: a host styling
 * the widget through `appearance.elements` must find every one of them there.
 */
export function checkListedParts(title: string, listed: readonly ElementPart[], document: Document): void {
  const missing = partsOnScreen(document).filter((part) => !listed.includes(part));
  if (missing.length) {
    throw new Error(
      `${title} renders the appearance part(s) ${missing.join(', ')}, which its docs page does not list: add them to parameters.docs.widget.parts.`,
    );
  }
}
