'use server';

import { revalidatePath } from 'next/cache';
import { mailSinkUrl } from './sink';

/**
 * Has the sink read a message as its recipient would: load its images (the tracking pixel) and follow its first link
 * that is not the unsubscribe link (the signed click redirect). The CRM records the open and the click.
 */
export async function simulateOpenAndClick(formData: FormData) {
  const url = mailSinkUrl();
  const id = formData.get('message');
  if (!url || typeof id !== 'string' || !/^\d{1,9}$/.test(id)) return;
  const res = await fetch(`${url}/messages/${id}/open-and-click`, { method: 'POST', cache: 'no-store' });
  if (!res.ok) throw new Error(`The mail sink answered ${res.status}.`);
  revalidatePath('/outbox');
}
