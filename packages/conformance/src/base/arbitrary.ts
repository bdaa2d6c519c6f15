import fc from 'fast-check';
import { deref, type JsonSchema, validatorOf } from './contract.js';

/** A generated request value and whether the contract's schema accepts it. */
export interface Generated {
  value: unknown;
  /** The schema rejects the value (checked with Ajv, not assumed). */
  invalid: boolean;
  /** The mutation that made it invalid (`wrong-type at name`, ...), or `valid`. */
  mutation: string;
}

const MAX_ITEMS = 3;
const MAX_STRING = 24;
const MAX_DEPTH = 3;

/** Strings that often break servers: NUL, control characters, RTL, emoji, SQL and HTML fragments. */
const NASTY = [
  '',
  ' ',
  '\u0000',
  '\u0007x',
  '\u202eabc',
  '😀🇻🇳',
  "' OR 1=1 --",
  '<script>x</script>',
  '%_\\',
  'ñandú',
  'ก่อน',
];

const text = (minLength = 0, maxLength = MAX_STRING) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength, maxLength: Math.max(minLength, Math.min(maxLength, MAX_STRING)) }) },
    {
      weight: 2,
      arbitrary: fc.string({
        unit: 'grapheme',
        minLength,
        maxLength: Math.max(minLength, Math.min(maxLength, MAX_STRING)),
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom(...NASTY).filter((s) => s.length >= minLength && s.length <= maxLength) },
  );

const isoDate = fc.date({
  min: new Date('1990-01-01T00:00:00Z'),
  max: new Date('2099-12-31T23:59:59Z'),
  noInvalidDate: true,
});

function stringArbitrary(s: JsonSchema): fc.Arbitrary<string> {
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : 10_000;
  if (s.format === 'date-time') return isoDate.map((d) => d.toISOString());
  if (s.format === 'date') return isoDate.map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'email') {
    return fc
      .tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/), fc.constantFrom('example.com', 'x.vn'))
      .map(([a, b]) => `${a}@${b}`);
  }
  if (s.format === 'uri') return fc.webUrl();
  if (typeof s.pattern === 'string') {
    const full = new RegExp(s.pattern);
    // fast-check cannot generate from lookaheads: generate from the rest and keep what the full pattern accepts.
    const generable = s.pattern.replace(/\(\?[=!][^()]*\)/g, '');
    try {
      return fc
        .stringMatching(new RegExp(generable), { maxLength: Math.min(max, 64) })
        .filter((x) => x.length >= min && full.test(x));
    } catch {
      // An unsupported regex feature: fall through to plain text.
    }
  }
  return text(min, max);
}

function numberArbitrary(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min =
    typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : -1e9;
  const max =
    typeof s.maximum === 'number' ? s.maximum : typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum - 1 : 1e9;
  if (integer) {
    const lo = Math.max(min, Number.MIN_SAFE_INTEGER);
    const hi = Math.min(max, Number.MAX_SAFE_INTEGER);
    return fc.oneof(fc.integer({ min: lo, max: hi }), fc.constantFrom(lo, hi));
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function typedArbitrary(type: string, s: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringArbitrary(s);
    case 'integer':
      return numberArbitrary(s, true);
    case 'number':
      return numberArbitrary(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = (s.items as JsonSchema | undefined) ?? {};
      const minLength = typeof s.minItems === 'number' ? s.minItems : 0;
      const maxLength = Math.max(
        minLength,
        Math.min(typeof s.maxItems === 'number' ? s.maxItems : MAX_ITEMS, MAX_ITEMS),
      );
      if (depth >= MAX_DEPTH && minLength === 0) return fc.constant([]);
      return fc.array(validArbitrary(items, depth + 1), { minLength, maxLength });
    }
    case 'object':
      return objectArbitrary(s, depth);
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

function objectArbitrary(s: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const props = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((s.required ?? []) as string[]);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, prop] of Object.entries(props)) {
    if (depth >= MAX_DEPTH && !required.has(name)) continue;
    model[name] = validArbitrary(prop, depth + 1);
  }
  const base = fc.record(model, { requiredKeys: Object.keys(model).filter((k) => required.has(k)) });
  const extra = s.additionalProperties;
  if (extra && typeof extra === 'object' && Object.keys(props).length === 0) {
    const names = (s.propertyNames ?? {}) as JsonSchema;
    const key =
      typeof names.pattern === 'string'
        ? fc.stringMatching(new RegExp(names.pattern), { maxLength: 16 })
        : fc.string({ maxLength: 12 });
    return fc.dictionary(key, validArbitrary(extra as JsonSchema, depth + 1), { maxKeys: 2 });
  }
  return base;
}

/** Values the schema accepts (JSON Schema 2020-12 as the contract uses it: refs, anyOf, enums, formats, bounds). */
export function validArbitrary(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const s = deref(schema);
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const options = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(options)) {
    // Deep in a recursive schema (filter trees), prefer the first, non-recursive option.
    if (depth >= MAX_DEPTH) return validArbitrary(options[0]!, depth + 1);
    return fc.oneof(...options.map((o) => validArbitrary(o, depth + 1)));
  }
  if (Array.isArray(s.type)) return fc.oneof(...(s.type as string[]).map((t) => typedArbitrary(t, s, depth)));
  if (typeof s.type === 'string') return typedArbitrary(s.type, s, depth);
  if (s.properties) return objectArbitrary(s, depth);
  return fc.jsonValue({ maxDepth: 1 });
}

/** The JSON types a schema allows (`unknown` for anything). */
function allowedTypes(schema: JsonSchema): Set<string> {
  const s = deref(schema);
  const out = new Set<string>();
  const options = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(options)) for (const o of options) for (const t of allowedTypes(o)) out.add(t);
  else if (Array.isArray(s.type)) for (const t of s.type as string[]) out.add(t);
  else if (typeof s.type === 'string') out.add(s.type);
  else if (Array.isArray(s.enum)) for (const v of s.enum as unknown[]) out.add(v === null ? 'null' : typeof v);
  else if ('const' in s) out.add(s.const === null ? 'null' : typeof s.const);
  else out.add('unknown');
  if (out.has('integer')) out.add('number');
  return out;
}

const SAMPLES: [string, unknown][] = [
  ['string', 'conformance'],
  ['number', 3.5],
  ['boolean', true],
  ['null', null],
  ['array', ['x']],
  ['object', { x: 1 }],
];

/** A value of a JSON type the schema does not allow, or undefined when it allows every type. */
function wrongTypeFor(schema: JsonSchema, pick: number): unknown {
  const allowed = allowedTypes(schema);
  if (allowed.has('unknown')) return undefined;
  const candidates = SAMPLES.filter(([t]) => !allowed.has(t));
  return candidates.length ? candidates[pick % candidates.length]![1] : undefined;
}

type Mutation = { name: string; apply: () => unknown };

/** Mutations of one object value under its schema, descending into nested objects. */
function mutationsOf(schema: JsonSchema, value: unknown, path: string, picks: number[], depth: number): Mutation[] {
  const s = deref(schema);
  const out: Mutation[] = [];
  const pick = picks[depth % picks.length] ?? 0;
  const wrong = wrongTypeFor(s, pick);
  if (wrong !== undefined) out.push({ name: `wrong type at ${path || '(root)'}`, apply: () => wrong });
  if (s.type === 'string' && typeof s.maxLength === 'number' && s.maxLength < 5000) {
    out.push({ name: `too long at ${path}`, apply: () => 'x'.repeat((s.maxLength as number) + 1 + (pick % 5)) });
  }
  if ((s.type === 'integer' || s.type === 'number') && typeof s.maximum === 'number') {
    out.push({ name: `above maximum at ${path}`, apply: () => (s.maximum as number) + 1 + (pick % 3) });
  }
  if ((s.type === 'integer' || s.type === 'number') && typeof s.minimum === 'number') {
    out.push({ name: `below minimum at ${path}`, apply: () => (s.minimum as number) - 1 - (pick % 3) });
  }
  if (s.type === 'integer') out.push({ name: `fraction at ${path}`, apply: () => 1.5 });
  if (Array.isArray(s.enum)) out.push({ name: `not in enum at ${path}`, apply: () => 'conformance-not-a-value' });
  if (s.type === 'array' && typeof s.maxItems === 'number' && s.maxItems <= 200) {
    const item = Array.isArray(value) && value.length ? value[0] : 'x';
    out.push({
      name: `too many items at ${path}`,
      apply: () => Array.from({ length: (s.maxItems as number) + 1 }, () => item),
    });
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (s.properties ?? {}) as Record<string, JsonSchema>;
    if (s.additionalProperties === false) {
      out.push({ name: `unknown field at ${path || '(root)'}`, apply: () => ({ ...obj, conformanceFuzzField: pick }) });
    }
    for (const name of (s.required ?? []) as string[]) {
      out.push({
        name: `missing ${path ? `${path}.` : ''}${name}`,
        apply: () => Object.fromEntries(Object.entries(obj).filter(([k]) => k !== name)),
      });
    }
    if (depth < 2) {
      for (const [name, v] of Object.entries(obj)) {
        const prop = props[name];
        if (!prop) continue;
        for (const m of mutationsOf(prop, v, path ? `${path}.${name}` : name, picks, depth + 1)) {
          out.push({ name: m.name, apply: () => ({ ...obj, [name]: m.apply() }) });
        }
      }
    }
  }
  return out;
}

/**
 * Values the schema mostly rejects: a valid value with one mutation (wrong type, unknown field, too long,
 * out of range, not in the enum, a required field missing), each checked with Ajv — a mutation the schema
 * still accepts is reported as valid.
 */
export function mutatedArbitrary(schema: JsonSchema, key: string): fc.Arbitrary<Generated> {
  const validate = validatorOf(key, schema);
  return fc
    .tuple(validArbitrary(schema), fc.array(fc.nat({ max: 1000 }), { minLength: 4, maxLength: 4 }))
    .map(([value, picks]) => {
      const options = mutationsOf(schema, value, '', picks, 0);
      if (options.length === 0) return { value, invalid: false, mutation: 'valid' };
      const m = options[picks[0]! % options.length]!;
      const mutated = m.apply();
      const invalid = !validate(mutated);
      return { value: mutated, invalid, mutation: invalid ? m.name : 'valid' };
    });
}

/**
 * Valid and mutated values of a schema, half and half. Only a mutation the schema rejects counts as invalid:
 * the server must refuse it; anything else it may accept or refuse, but never with a 5xx.
 */
export function requestArbitrary(schema: JsonSchema, key: string): fc.Arbitrary<Generated> {
  return fc.oneof(
    validArbitrary(schema).map((value) => ({ value, invalid: false, mutation: 'valid' })),
    mutatedArbitrary(schema, key),
  );
}
