import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutatedArbitrary, validArbitrary } from '../src/base/arbitrary.js';
import { describeErrors, type JsonSchema, openapi, validatorOf } from '../src/base/contract.js';

const bodies = Object.keys(openapi.components.schemas).filter((n) => /(Create|Update|Request|Convert|Move)$/.test(n));

describe('the JSON Schema → fast-check mapper', () => {
  it.each(bodies)('generates values %s accepts', (name) => {
    const schema: JsonSchema = { $ref: `#/components/schemas/${name}` };
    const validate = validatorOf(`test:${name}`, schema);
    const samples = fc.sample(validArbitrary(schema), { numRuns: 60, seed: 1 });
    const rejected = samples.filter((s) => !validate(s));
    if (rejected.length) validate(rejected[0]);
    expect(
      rejected.length,
      `${name}: ${describeErrors(validate.errors)} in ${JSON.stringify(rejected[0])?.slice(0, 300)}`,
    ).toBe(0);
  });

  it.each(bodies)('mutates %s into values it rejects', (name) => {
    const schema: JsonSchema = { $ref: `#/components/schemas/${name}` };
    const validate = validatorOf(`test:${name}`, schema);
    const samples = fc.sample(mutatedArbitrary(schema, `test:${name}`), { numRuns: 60, seed: 2 });
    for (const s of samples) expect(validate(s.value)).toBe(!s.invalid);
    // Most mutations break the schema; the kit requires a 4xx for exactly those.
    expect(samples.filter((s) => s.invalid).length).toBeGreaterThan(samples.length / 2);
  });
});
