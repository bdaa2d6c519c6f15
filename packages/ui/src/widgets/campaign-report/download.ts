/**
 * Saves `blob` as a file named `name` through a temporary link (the browser's download, no new tab); the object URL
 * is released once the click has been handled.
 *
 * @example
 * saveFile(await crm.campaigns.exportRecipients(id), 'renewal-recipients.csv');
 */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name made of `parts`: characters file systems refuse become `-`, spaces too. */
export const fileName = (parts: readonly string[], extension: string): string =>
  `${parts
    .filter(Boolean)
    .join('-')
    .replace(/[\\/:*?"<>|\s\p{Cc}]+/gu, '-')
    .slice(0, 120)}.${extension}`;
