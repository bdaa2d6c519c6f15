'use client';

export { Webhooks, type WebhooksProps } from './Webhooks.js';
