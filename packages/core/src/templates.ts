/**
 * Personalisation of messages and task subjects: `{{contact.firstName}}` is replaced by that value of `values`, and a
 * fallback after `|` — quoted `{{contact.firstName | "there"}}` or bare `{{contact.firstName|bạn}}` — is used when the
 * value is missing or empty. Unknown paths render as the fallback or nothing; values are inserted as plain text (the
 * result is never HTML). `missing`, when given, collects the paths whose value was missing.
 *
 * @example
 * renderTemplate('Chúc mừng sinh nhật {{contact.firstName|bạn}}!', { contact: { firstName: 'Lan' } })
 * // 'Chúc mừng sinh nhật Lan!'
 */
export function renderTemplate(
  template: string,
  values: Readonly<Record<string, unknown>>,
  missing?: string[],
): string {
  return template.replace(placeholderPattern(), (_, path: string, quoted?: string, bare?: string) => {
    const fallback = quoted ?? bare?.trim();
    const value = valueAt(values, path);
    const text =
      value === null || value === undefined || typeof value === 'object'
        ? Array.isArray(value)
          ? value.join(', ')
          : ''
        : String(value);
    if (text !== '') return text;
    missing?.push(path);
    return fallback ?? '';
  });
}

/** A placeholder of a template: its path and its fallback (undefined when it has none). */
export interface TemplatePlaceholder {
  path: string;
  fallback: string | undefined;
}

/**
 * The placeholders of a template in order of use, and whether it holds a `{{` or `}}` that is no well-formed
 * placeholder (which would be printed as is: reject it when saving).
 *
 * @example
 * parseTemplate('Hi {{contact.firstName|bạn}} {{oops');
 * // { placeholders: [{ path: 'contact.firstName', fallback: 'bạn' }], malformed: true }
 */
export function parseTemplate(template: string): { placeholders: TemplatePlaceholder[]; malformed: boolean } {
  const placeholders: TemplatePlaceholder[] = [];
  const rest = template.replace(placeholderPattern(), (_, path: string, quoted?: string, bare?: string) => {
    placeholders.push({ path, fallback: quoted ?? bare?.trim() });
    return '';
  });
  return { placeholders, malformed: rest.includes('{{') || rest.includes('}}') };
}

/** The placeholders a template uses (`contact.firstName`, …), in order of first use. */
export function templateFields(template: string): string[] {
  return [...new Set(parseTemplate(template).placeholders.map((p) => p.path))];
}

/** `{{ path }}`, `{{ path | "quoted fallback" }}` or `{{ path|bare fallback }}`. */
const placeholderPattern = () => /\{\{\s*([a-zA-Z]\w*(?:\.[a-zA-Z_]\w*)*)\s*(?:\|\s*(?:"([^"]*)"|([^{}"]*?))\s*)?\}\}/g;

function valueAt(values: Readonly<Record<string, unknown>>, path: string): unknown {
  let current: unknown = values;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * The contact fields a campaign template can name as `{{contact.<field>}}` (`name` is the full name in the
 * workspace's order, `email` and `phone` the primary ones), besides `{{contact.customFields.<key>}}` for the
 * workspace's contact custom fields, and `{{workspace.name}}`.
 */
export const CAMPAIGN_CONTACT_FIELDS = [
  'firstName',
  'lastName',
  'name',
  'email',
  'phone',
  'title',
  'birthday',
  'lifecycleStage',
  'tags',
] as const;

/**
 * A placeholder as a template writes it: `{{path}}`, with a fallback `{{path|fallback}}`, quoted when the fallback
 * has braces or spaces at its ends (`{{path|" – "}}`). A template cannot hold a `"` inside a fallback: it is dropped.
 *
 * @example
 * placeholderText('contact.firstName', 'bạn'); // '{{contact.firstName|bạn}}'
 * placeholderText('contact.customFields.plan'); // '{{contact.customFields.plan}}'
 */
export function placeholderText(path: string, fallback = ''): string {
  const text = fallback.replaceAll('"', '');
  if (!text.trim()) return `{{${path}}}`;
  return /^[^{}\s](?:[^{}]*[^{}\s])?$/.test(text) ? `{{${path}|${text}}}` : `{{${path}|"${text}"}}`;
}
