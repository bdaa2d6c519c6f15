/**
 * Personalisation of messages and task subjects: `{{contact.firstName}}` is replaced by that value of `values`,
 * `{{contact.firstName | "there"}}` falls back to the quoted text when the value is empty. Unknown paths render as
 * the fallback or nothing; values are inserted as plain text (the result is never HTML).
 *
 * @example
 * renderTemplate('Chúc mừng sinh nhật {{contact.firstName | "bạn"}}!', { contact: { firstName: 'Lan' } })
 * // 'Chúc mừng sinh nhật Lan!'
 */
export function renderTemplate(template: string, values: Readonly<Record<string, unknown>>): string {
  return template.replace(
    /\{\{\s*([a-zA-Z][\w]*(?:\.[a-zA-Z_][\w]*)*)\s*(?:\|\s*"([^"]*)"\s*)?\}\}/g,
    (_, path: string, fallback?: string) => {
      const value = valueAt(values, path);
      if (value === null || value === undefined || value === '') return fallback ?? '';
      if (Array.isArray(value)) return value.join(', ');
      return typeof value === 'object' ? '' : String(value);
    },
  );
}

/** The placeholders a template uses (`contact.firstName`, …), in order of first use. */
export function templateFields(template: string): string[] {
  const out = new Set<string>();
  for (const m of template.matchAll(/\{\{\s*([a-zA-Z][\w]*(?:\.[a-zA-Z_][\w]*)*)/g)) out.add(m[1]!);
  return [...out];
}

function valueAt(values: Readonly<Record<string, unknown>>, path: string): unknown {
  let current: unknown = values;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
