import { z } from 'zod';
import { registry } from '../base/registry.js';

export type Json = Record<string, unknown>;

export const componentRef = (id: string) => `#/components/schemas/${id}`;

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/**
 * Gives every integer schema a `format`: `int32` when its bounds fit 32 bits, else `int64` (every integer of the
 * contract has bounds, so the format says exactly which integer type holds it).
 */
export function withIntegerFormats<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withIntegerFormats) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = withIntegerFormats(v);
  const type = out.type;
  const integer = type === 'integer' || (Array.isArray(type) && type.includes('integer'));
  if (integer && out.format === undefined) {
    const min = typeof out.minimum === 'number' ? out.minimum : Number.NEGATIVE_INFINITY;
    const max = typeof out.maximum === 'number' ? out.maximum : Number.POSITIVE_INFINITY;
    out.format = min >= INT32.min && max <= INT32.max ? 'int32' : 'int64';
  }
  return out as T;
}

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of a schema, referring to named components. */
export function jsonSchema(schema: z.ZodType): Json {
  const id = registry.get(schema)?.id;
  if (id) return { $ref: componentRef(id) };
  const {
    $schema: _s,
    $defs: _d,
    ...rest
  } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    metadata: registry,
    io: 'input',
    unrepresentable: 'any',
  }) as Json;
  // Named schemas are extracted to local $defs; they are all components of the document.
  const refs = JSON.stringify(rest).replaceAll('"#/$defs/', '"#/components/schemas/');
  return withIntegerFormats(JSON.parse(refs) as Json);
}

/** Every named schema of the registry, as `#/components/schemas`. */
export function schemaComponents(): Json {
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', uri: componentRef, io: 'output' }) as {
    schemas: Record<string, Json>;
  };
  const out: Record<string, Json> = {};
  for (const name of Object.keys(schemas).sort()) {
    const { $schema: _s, $id: _i, ...rest } = schemas[name] as Json;
    out[name] = withIntegerFormats(rest);
  }
  return out;
}
