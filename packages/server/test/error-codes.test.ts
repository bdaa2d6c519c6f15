import { FIELD_ERROR_CODES } from '@crmkit/core/problems';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './expect-problem.js';
import { startTestServer, type TestServer } from './harness.js';

/**
 * Field errors carry a stable code and the values their message takes, so clients can say them in their user's
 * language; the English message stays for clients that do not know the code.
 */

type FieldError = { path: string; message: string; code?: string; params?: Record<string, string | number> };

let t: TestServer;
let key: string;
beforeAll(async () => {
  t = await startTestServer({
    settings: {
      leadSources: [
        { key: 'website', label: { en: 'Website' } },
        { key: 'referral', label: { en: 'Referral' } },
      ],
      customFields: {
        contact: [
          { key: 'plan', label: { en: 'Plan' }, type: 'select', options: [{ value: 'vip', label: { en: 'VIP' } }] },
          { key: 'score', label: { en: 'Score' }, type: 'number', min: 0, max: 100 },
          { key: 'budget', label: { en: 'Budget' }, type: 'currency', currency: 'VND' },
        ].map((f) => ({ custom: true, required: false, sortable: true, filterable: true, ...f })) as never,
      },
    },
  });
  key = t.a.keys.admin;
});
afterAll(() => t.close());

/** The field errors of a 400 answer, each checked against the contract's codes and their parameters. */
async function errorsOf(method: string, path: string, body: unknown): Promise<FieldError[]> {
  const res = await t.call(key, method, path, body);
  expectProblem(res, 400);
  const errors = res.body.errors as FieldError[];
  for (const e of errors) {
    expect(e.code, JSON.stringify(e)).toBeDefined();
    const params = FIELD_ERROR_CODES[e.code as keyof typeof FIELD_ERROR_CODES];
    expect(params, `${e.code} is a documented code`).toBeDefined();
    expect(Object.keys(e.params ?? {}).sort(), JSON.stringify(e)).toEqual([...params].sort());
    expect(e.message.length).toBeGreaterThan(0);
  }
  return errors;
}

const at = (errors: FieldError[], path: string) => {
  const found = errors.find((e) => e.path === path);
  expect(found, `${path} in ${JSON.stringify(errors)}`).toBeDefined();
  const { code, params } = found!;
  return params ? { code, params } : { code };
};

describe('field error codes', () => {
  it('name what is wrong with the contract’s fields, with the bound or options', async () => {
    const errors = await errorsOf('POST', '/v1/contacts', {
      firstName: 'x'.repeat(101),
      emails: ['not-an-email'],
      phones: ['0901 234 567'],
      lifecycleStage: 'gold',
      birthday: '2026-02-30',
      nickname: 'An',
    });
    expect(at(errors, 'firstName')).toEqual({ code: 'tooLong', params: { max: 100 } });
    expect(at(errors, 'emails.0')).toEqual({ code: 'email' });
    expect(at(errors, 'phones.0')).toEqual({ code: 'phone' });
    expect(at(errors, 'lifecycleStage')).toEqual({
      code: 'oneOf',
      params: { options: 'potential, active, loyal, lost' },
    });
    expect(at(errors, 'nickname')).toEqual({ code: 'unknownField', params: { fields: 'nickname' } });
    expect(at(await errorsOf('POST', '/v1/contacts', {}), 'firstName')).toEqual({ code: 'nameOrContact' });
  });

  it('name what is wrong with custom fields, references and the workspace’s lists', async () => {
    const custom = await errorsOf('POST', '/v1/contacts', {
      firstName: 'Lan',
      customFields: { plan: 'gold', score: -1, budget: 10.5, unknown: 1 },
    });
    expect(at(custom, 'customFields.plan')).toEqual({ code: 'oneOf', params: { options: 'vip' } });
    expect(at(custom, 'customFields.score')).toEqual({ code: 'min', params: { min: 0 } });
    expect(at(custom, 'customFields.budget')).toEqual({ code: 'integer' });
    expect(at(custom, 'customFields.unknown')).toEqual({ code: 'unknownField', params: { fields: 'unknown' } });

    const owner = await errorsOf('POST', '/v1/contacts', { firstName: 'Lan', ownerId: 'usr_nobody' });
    expect(at(owner, 'ownerId')).toEqual({ code: 'notFound', params: { what: 'user', id: 'usr_nobody' } });
    const source = await errorsOf('POST', '/v1/contacts', { firstName: 'Lan', source: 'walk_in' });
    expect(at(source, 'source')).toEqual({ code: 'oneOf', params: { options: 'website, referral' } });
  });

  it('name what is wrong with deals, activities and tickets', async () => {
    const pipeline = async (name: string) =>
      (
        await t.call(key, 'POST', '/v1/pipelines', {
          name,
          currency: 'VND',
          stages: [
            { name: 'Open', probability: 10, kind: 'open' },
            { name: 'Lost', probability: 0, kind: 'lost' },
          ],
        })
      ).body;
    const codes = await pipeline('Codes');
    const other = await pipeline('Other');
    const stage = await errorsOf('POST', '/v1/deals', {
      name: 'A',
      pipelineId: codes.id,
      stageId: other.stages[0].id,
    });
    expect(at(stage, 'stageId')).toEqual({ code: 'notInPipeline', params: { pipeline: 'Codes' } });
    const deal = (await t.call(key, 'POST', '/v1/deals', { name: 'B', pipelineId: codes.id })).body;
    const lost = await errorsOf('PATCH', `/v1/deals/${deal.id}`, { stageId: codes.stages[1].id });
    expect(at(lost, 'lostReason')).toEqual({ code: 'lostReasonRequired', params: { stage: 'Lost' } });

    const activity = await errorsOf('POST', '/v1/activities', { type: 'note', body: 'x' });
    expect(at(activity, 'contactId')).toEqual({ code: 'linkRequired' });

    const ticket = (await t.call(key, 'POST', '/v1/tickets', { subject: 'Help' })).body;
    const snooze = await errorsOf('PATCH', `/v1/tickets/${ticket.id}`, {
      snooze: { until: '2000-01-01T00:00:00Z' },
    });
    expect(at(snooze, 'snooze.until')).toEqual({ code: 'future' });
  });
});
