'use client';

export { DEFAULT_KEYMAP, type InboxAction, type Keymap } from './common/keymap.js';
export { TicketInbox, type TicketInboxProps } from './TicketInbox.js';
