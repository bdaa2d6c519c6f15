/**
 * `@crmkit/ui/icons`: the icon set — 24×24 outlines drawn with `currentColor` (circles as two arcs), one export per
 * icon, so that a bundle carries only the icons it uses. Give one to `Icon`, or to the `icon` prop of `Button`,
 * `IconButton`, `Badge`, `MenuItem` and `TextField`. (Every icon, e.g. for a gallery: `Object.entries(icons)`.)
 *
 * @example
 * import * as icons from '@crmkit/ui/icons';
 * <Button icon={icons.plus}>Add</Button>
 */

declare const path: unique symbol;
/** An icon of the set: its outline's path data. Only the exports of this module are icons (`icons.phone`). */
export type IconPath = string & { readonly [path]: true };

export const phone =
  'M5 3.5h3.2l1.6 4.6-2.1 1.4a11.5 11.5 0 0 0 6.8 6.8l1.4-2.1 4.6 1.6v3.2a2 2 0 0 1-2.2 2A17 17 0 0 1 3 5.7a2 2 0 0 1 2-2.2z' as IconPath;
export const mail =
  'M5 5h14a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2zm-2 2.5 9 6 9-6' as IconPath;
export const sms = 'M21 15a2 2 0 0 1-2 2H8l-5 4V6a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2zM8 9h8m-8 4h5' as IconPath;
export const chat = 'M20.5 11.5a8.5 8.5 0 0 1-12.3 7.6L3.5 20.5l1.4-4.6a8.5 8.5 0 1 1 15.6-4.4z' as IconPath;
export const meeting =
  'M16 20v-1.5a4 4 0 0 0-4-4H6.5a4 4 0 0 0-4 4V20M12.75 7.5a3.5 3.5 0 1 1-7 0 3.5 3.5 0 0 1 7 0zM21.5 20v-1.5a4 4 0 0 0-3-3.9M15.5 4.1a3.5 3.5 0 0 1 0 6.8' as IconPath;
export const note = 'M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9zm0 0v6h6M8 13h8m-8 4h5' as IconPath;
export const task = 'm9 11 3 3 8.5-8.5M20 12v7a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h10' as IconPath;
export const app = 'M7.5 2.5h9a2 2 0 0 1 2 2v15a2 2 0 0 1-2 2h-9a2 2 0 0 1-2-2v-15a2 2 0 0 1 2-2zm3.5 15h2' as IconPath;
export const system = 'M21.5 12h-4l-3 8.5-5-17-3 8.5h-4' as IconPath;
export const calendar =
  'M5 4h14a2 2 0 0 1 2 2v13a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zM8 2.5v3m8-3v3M3 10h18' as IconPath;
export const clock = 'M21.5 12a9.5 9.5 0 1 1-19 0 9.5 9.5 0 0 1 19 0zM12 7v5l3.5 2' as IconPath;
export const bell = 'M6 9a6 6 0 0 1 12 0c0 6.5 2.5 8.5 2.5 8.5h-17S6 15.5 6 9m4.3 11.5a2 2 0 0 0 3.4 0' as IconPath;
export const user = 'M16 8a4 4 0 1 1-8 0 4 4 0 0 1 8 0zM4.5 21v-1a6 6 0 0 1 6-6h3a6 6 0 0 1 6 6v1' as IconPath;
export const building =
  'M6 21.5V4.5a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v17m-15 0h18M6 12H4.5m13.5-3h1.5a2 2 0 0 1 2 2v10.5M10 7h4m-4 4h4m-4 4h4' as IconPath;
export const tag =
  'M12.6 3H4a1 1 0 0 0-1 1v8.6l9 9a2 2 0 0 0 2.8 0l6.6-6.6a2 2 0 0 0 0-2.8zM8.75 7.75a1 1 0 1 1-2 0 1 1 0 0 1 2 0z' as IconPath;
export const check = 'M20 6 9 17l-5-5' as IconPath;
export const x = 'M18 6 6 18M6 6l12 12' as IconPath;
export const plus = 'M12 5v14m-7-7h14' as IconPath;
export const minus = 'M5 12h14' as IconPath;
export const pencil = 'M16.5 3.5a2.5 2.5 0 0 1 3.5 3.5L7.5 19.5 3 21l1.5-4.5zM14.5 5.5l3.5 3.5' as IconPath;
export const trash =
  'M3.5 6h17M18.5 6v13.5a2 2 0 0 1-2 2h-9a2 2 0 0 1-2-2V6m3 0V4.5a2 2 0 0 1 2-2h3a2 2 0 0 1 2 2V6' as IconPath;
export const chevronDown = 'm6 9 6 6 6-6' as IconPath;
export const chevronUp = 'm18 15-6-6-6 6' as IconPath;
export const chevronLeft = 'm15 18-6-6 6-6' as IconPath;
export const chevronRight = 'm9 18 6-6-6-6' as IconPath;
export const chevronsUpDown = 'm7 15 5 5 5-5M7 9l5-5 5 5' as IconPath;
export const arrowUp = 'M12 19V5m-7 7 7-7 7 7' as IconPath;
export const arrowDown = 'M12 5v14m7-7-7 7-7-7' as IconPath;
export const inbound = 'M17 7 7 17m10 0H7V7' as IconPath;
export const outbound = 'M7 17 17 7M7 7h10v10' as IconPath;
export const search = 'M18 11a7 7 0 1 1-14 0 7 7 0 0 1 14 0zM21 21l-5-5' as IconPath;
export const filter = 'M21.5 4h-19l7.5 9v6.5l4 2V13z' as IconPath;
export const columns =
  'M5 4h14a2 2 0 0 1 2 2v13a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zM9 4v17m6-17v17' as IconPath;
export const more =
  'M6 12a1 1 0 1 1-2 0 1 1 0 0 1 2 0zM13 12a1 1 0 1 1-2 0 1 1 0 0 1 2 0zM20 12a1 1 0 1 1-2 0 1 1 0 0 1 2 0z' as IconPath;
export const alert = 'M21.5 12a9.5 9.5 0 1 1-19 0 9.5 9.5 0 0 1 19 0zM12 7.5v5m0 3.75v.25' as IconPath;
export const info = 'M21.5 12a9.5 9.5 0 1 1-19 0 9.5 9.5 0 0 1 19 0zM12 16.5v-5m0-3.75v-.25' as IconPath;
export const lock =
  'M5 11h14a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2zm2 0V7a5 5 0 0 1 10 0v4' as IconPath;
export const refresh = 'M20.5 12a8.5 8.5 0 0 1-15 5.5M3.5 12a8.5 8.5 0 0 1 15-5.5M19 2.5v4h-4M5 21.5v-4h4' as IconPath;
export const download = 'M12 3.5v12m-5-5 5 5 5-5M4 20.5h16' as IconPath;
export const cake =
  'M20 21v-7.5a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2V21m0-5.5c1.5 1.2 3 1.2 4 0s3-1.2 4 0 3 1.2 4 0 2.5-1.2 4 0M2.5 21h19M7 11.5V8.5m5 3V8.5m5 3V8.5M7 5v.5m5-.5v.5m5-.5v.5' as IconPath;
export const inbox =
  'M21.5 12h-6l-2 3h-3l-2-3h-6M5.6 5.1 2.5 12v6a2 2 0 0 0 2 2h15a2 2 0 0 0 2-2v-6l-3.1-6.9A2 2 0 0 0 16.6 4H7.4a2 2 0 0 0-1.8 1.1z' as IconPath;
export const offline =
  'M12 19.5h.01M8.6 15.9a5 5 0 0 1 6.8 0M5.2 12.6a10 10 0 0 1 4.6-2.4M18.8 12.6a10 10 0 0 0-2-1.4M2 9.2A15 15 0 0 1 6 6.6m16 2.6A15 15 0 0 0 10.5 5.1M3 3l18 18' as IconPath;
