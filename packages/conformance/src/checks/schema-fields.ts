import type { WorkspaceSchema } from '@crmkit/spec';
import { ALWAYS_SORTABLE, EntityName, resourceOfEntity, standardFields } from '@crmkit/spec';
import type { CheckContext } from '../base/context.js';
import type { Exchange } from '../base/http.js';
import { RULES } from '../base/rules.js';
import { defineCheck } from './check.js';

/** The entities whose module is on in the workspace. */
const enabledEntities = (schema: WorkspaceSchema) =>
  EntityName.options.filter((e) => schema.entities[e]?.enabled !== false);

/** `GET /v1/schema`, read again so a finding shows the answer it is about. */
async function readSchema(ctx: CheckContext): Promise<{ ex: Exchange; schema: WorkspaceSchema }> {
  const ex = await ctx.api.get('/v1/schema');
  ctx.requireStatus(ex, [200], 'GET /v1/schema');
  return { ex, schema: ex.body as WorkspaceSchema };
}

export const schemaFieldChecks = [
  defineCheck({
    id: 'schema.fields',
    area: 'schema',
    title: 'Declared standard fields have their contract type; sortable and filterable only where lists allow it',
    level: 'core',
    rule: RULES.fieldsDeclared,
    async run(ctx) {
      const { ex, schema } = await readSchema(ctx);
      for (const entity of enabledEntities(schema)) {
        const resource = resourceOfEntity(entity);
        const standard = new Map(standardFields(entity).map((f) => [f.key, f]));
        const sortable = new Set<string>([...resource.sortable, ...ALWAYS_SORTABLE]);
        for (const field of schema.fields[entity] ?? []) {
          if (field.custom) continue;
          const where = `fields.${entity} ${field.key}`;
          const std = standard.get(field.key);
          if (std && field.type !== std.type) {
            ctx.fail(`${where} is declared as ${field.type}; the contract's type is ${std.type}`, ex);
          }
          if (field.sortable && !sortable.has(field.key)) {
            ctx.fail(
              `${where} is declared sortable, but sort=${field.key} is not a sort of GET /v1/${resource.name}`,
              ex,
            );
          }
          if (field.filterable && !resource.filterable.includes(field.key)) {
            ctx.fail(
              `${where} is declared filterable, but filter[${field.key}] is not a filter of GET /v1/${resource.name}`,
              ex,
            );
          }
        }
      }
    },
  }),
  defineCheck({
    id: 'schema.standard-fields',
    area: 'schema',
    title: 'GET /v1/schema declares every standard field of each enabled entity',
    level: 'full',
    rule: RULES.standardFields,
    async run(ctx) {
      const { ex, schema } = await readSchema(ctx);
      const missing: string[] = [];
      for (const entity of enabledEntities(schema)) {
        const declared = new Set((schema.fields[entity] ?? []).filter((f) => !f.custom).map((f) => f.key));
        const absent = standardFields(entity)
          .map((f) => f.key)
          .filter((k) => !declared.has(k));
        if (absent.length) missing.push(`${entity}: ${absent.join(', ')}`);
      }
      if (missing.length) {
        ctx.fail(
          `GET /v1/schema does not declare these standard fields (the widgets show the fields it declares) — ${missing.join('; ')}`,
          ex,
        );
      }
    },
  }),
];
