import type { Schemas } from '@crmkit/client';
import { localize } from '@crmkit/react';
import type { FormField } from './validate.js';

/** A built-in field of an edit form. List-valued paths (`emails`, `phones`) edit the primary (first) item. */
export type BuiltInField = FormField & { nullable?: boolean };

/** The custom fields of an entity as form fields, labelled in `locale`. */
export function customFormFields(definitions: Schemas['FieldDefinition'][], locale: string): FormField[] {
  return definitions
    .filter((d) => d.custom)
    .map((d) => ({
      path: `customFields.${d.key}`,
      label: localize(d.label, locale),
      type: d.type,
      required: d.required,
      options: d.options?.map((o) => ({ value: o.value, label: localize(o.label, locale) })),
      currency: d.currency,
      min: d.min,
      max: d.max,
    }));
}
