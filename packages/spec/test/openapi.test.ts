import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateArtifacts } from '../scripts/artifacts.js';
import { BatchRequest, ContactCreate, FilterNode, resources, routes } from '../src/index.js';

describe('openapi.json', () => {
  it('is generated from the zod schemas (run `pnpm --filter @crmkit/spec generate` after changing them)', async () => {
    for (const [file, content] of Object.entries(await generateArtifacts())) {
      expect(readFileSync(file, 'utf8'), file).toBe(content);
    }
  });

  it('declares every CRUD operation of every resource', async () => {
    const doc = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8'));
    for (const name of Object.keys(resources)) {
      expect(Object.keys(doc.paths[`/v1/${name}`])).toEqual(['get', 'post']);
      expect(Object.keys(doc.paths[`/v1/${name}/{id}`])).toEqual(['get', 'patch', 'delete']);
    }
    expect(new Set(routes.map((r) => r.operationId)).size).toBe(routes.length);
  });
});

describe('schemas', () => {
  it('reject unknown fields in request bodies', () => {
    const r = ContactCreate.safeParse({ firstName: 'An', isAdmin: true });
    expect(r.success).toBe(false);
  });

  it('require a name, email or phone for a contact', () => {
    expect(ContactCreate.safeParse({}).success).toBe(false);
    expect(ContactCreate.safeParse({ phones: ['+84901234567'] }).success).toBe(true);
    expect(ContactCreate.safeParse({ phones: ['0901234567'] }).success).toBe(false);
  });

  it('parse nested filter trees and bound batches', () => {
    const tree = {
      and: [{ field: 'lifecycleStage', op: 'in', value: ['active'] }, { not: { field: 'ownerId', op: 'isNull' } }],
    };
    expect(FilterNode.parse(tree)).toEqual(tree);
    expect(FilterNode.safeParse({ and: [{ field: 'x', op: 'like' }] }).success).toBe(false);
    const ops = Array.from({ length: 101 }, () => ({ op: 'delete', id: 'x' }));
    expect(BatchRequest.safeParse({ operations: ops }).success).toBe(false);
  });
});
