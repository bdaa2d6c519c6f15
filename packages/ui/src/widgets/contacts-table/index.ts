'use client';

export { ContactsTable, type ContactsTableProps, type SavedView } from './ContactsTable.js';
