import {
  type EntityName,
  type FieldDefinition,
  type ResourceName,
  resourceOfEntity,
  TOUCH_ACTIVITY_TYPES,
} from '@crmkit/spec';
import type { CheckContext } from '../base/context.js';
import type { ApiRecord } from '../base/fixtures.js';
import type { Exchange } from '../base/http.js';
import { RULES } from '../base/rules.js';
import { defineCheck } from './check.js';

/** A valid value of a custom field, or undefined when the kit cannot make one. */
function valueFor(field: FieldDefinition): unknown {
  const first = field.options?.[0]?.value;
  switch (field.type) {
    case 'text':
      return 'conformance';
    case 'number':
    case 'currency':
      return Math.max(field.min ?? 7, Math.min(field.max ?? 7, 7));
    case 'date':
      return '2026-01-02';
    case 'boolean':
      return true;
    case 'email':
      return 'custom@example.com';
    case 'phone':
      return '+84901234567';
    case 'url':
      return 'https://example.com/conformance';
    case 'select':
      return first;
    case 'multiselect':
      return first === undefined ? undefined : [first];
  }
}

/** An enabled entity with two custom fields the kit can fill, and values for its required ones. */
function customFieldPair(ctx: CheckContext) {
  for (const [entity, fields] of Object.entries(ctx.schema.fields) as [EntityName, FieldDefinition[]][]) {
    const resource = resourceOfEntity(entity);
    if (!ctx.enabled(resource.name as ResourceName)) continue;
    const custom = fields.filter((f) => f.custom && valueFor(f) !== undefined);
    if (custom.length < 2 || fields.some((f) => f.custom && f.required && valueFor(f) === undefined)) continue;
    const required = Object.fromEntries(fields.filter((f) => f.custom && f.required).map((f) => [f.key, valueFor(f)]));
    const [a, b] = custom.filter((f) => !f.required).length >= 2 ? custom.filter((f) => !f.required) : custom;
    return { r: resource.name as ResourceName, a: a!, b: b!, required };
  }
  return null;
}

const json = (v: unknown) => JSON.stringify(v);

async function checkCustomFieldMerge(ctx: CheckContext): Promise<void> {
  const pair = customFieldPair(ctx);
  if (!pair) {
    ctx.note('no enabled entity has two custom fields (GET /v1/schema): the custom field merge is not checked');
    return;
  }
  const { r, a, b, required } = pair;
  const f = ctx.fixtures;
  const created = await f.create(r, {
    ...(await f.body(r, 0, f.token())),
    customFields: { ...required, [a.key]: valueFor(a) },
  });
  const path = `/v1/${r}/${created.id}`;
  const custom = (ex: Exchange) => ((ex.body as ApiRecord | undefined)?.customFields ?? {}) as Record<string, unknown>;
  const second = await ctx.api.patch(path, { customFields: { [b.key]: valueFor(b) } });
  ctx.requireStatus(second, [200], `${r}: PATCH customFields.${b.key}`);
  if (json(custom(second)[a.key]) !== json(valueFor(a)) || json(custom(second)[b.key]) !== json(valueFor(b))) {
    ctx.fail(
      `${r}: PATCH { customFields: { ${b.key} } } answered customFields ${json(custom(second))}; ${a.key} must keep ${json(valueFor(a))}`,
      second,
    );
  }
  ctx.note(`${r}: customFields.${a.key} kept while customFields.${b.key} was set`);
  if (a.required) return;
  const cleared = await ctx.api.patch(path, { customFields: { [a.key]: null } });
  ctx.requireStatus(cleared, [200], `${r}: PATCH customFields.${a.key}=null`);
  const after = custom(cleared);
  if ((after[a.key] ?? null) !== null || json(after[b.key]) !== json(valueFor(b))) {
    ctx.fail(
      `${r}: PATCH { customFields: { ${a.key}: null } } answered customFields ${json(after)}; ${a.key} must have no value, ${b.key} keep ${json(valueFor(b))}`,
      cleared,
    );
  }
}

async function checkConsentMerge(ctx: CheckContext): Promise<void> {
  if (!ctx.enabled('contacts')) return;
  const f = ctx.fixtures;
  const contact = await f.create('contacts', { ...(await f.body('contacts', 0, f.token())), consent: { email: true } });
  const path = `/v1/contacts/${contact.id}`;
  const granted = (ex: Exchange) => {
    const consent = (ex.body as { consent?: Record<string, { granted: unknown }> } | undefined)?.consent ?? {};
    return Object.fromEntries(['email', 'sms', 'phone', 'tracking'].map((ch) => [ch, consent[ch]?.granted]));
  };
  const sms = await ctx.api.patch(path, { consent: { sms: false } });
  ctx.requireStatus(sms, [200], 'contacts: PATCH consent.sms');
  const want = { email: true, sms: false, phone: null, tracking: null };
  if (json(granted(sms)) !== json(want)) {
    ctx.fail(`contacts: PATCH { consent: { sms: false } } after email: true answered ${json(granted(sms))}`, sms);
  }
}

/** The contact's `lastContactedAt` after a step, compared by instant. */
async function expectLastContacted(ctx: CheckContext, id: string, want: string | null, after: string) {
  const got = await ctx.api.get(`/v1/contacts/${id}`);
  if (!ctx.expectStatus(got, [200], `contacts: GET after ${after}`)) return;
  const value = (got.body as { lastContactedAt?: string | null }).lastContactedAt ?? null;
  const same = value === null || want === null ? value === want : Date.parse(value) === Date.parse(want);
  if (!same) ctx.fail(`contacts: after ${after}, lastContactedAt is ${value}; expected ${want}`, got);
}

export const recordRuleChecks = [
  defineCheck({
    id: 'crud.patch-merge',
    area: 'crud',
    title: 'PATCH merges customFields and consent one level deep',
    level: 'core',
    rule: RULES.patchMerge,
    async run(ctx) {
      await checkConsentMerge(ctx);
      await checkCustomFieldMerge(ctx);
    },
  }),
  defineCheck({
    id: 'crud.last-contacted',
    area: 'crud',
    title: "The server keeps a contact's lastContactedAt from its touch activities",
    level: 'core',
    rule: RULES.lastContacted,
    async run(ctx) {
      if (!ctx.enabled('contacts') || !ctx.enabled('activities')) {
        return ctx.skip('the contacts or activities module is switched off');
      }
      const f = ctx.fixtures;
      const token = f.token();
      const contact = await f.create('contacts', await f.body('contacts', 0, token));
      await expectLastContacted(ctx, contact.id, null, 'creating the contact');
      const log = (type: string, occurredAt: string) =>
        f.create('activities', { type, contactId: contact.id, occurredAt, subject: `${type} ${token}` });
      const [touch, other] = [TOUCH_ACTIVITY_TYPES[0]!, TOUCH_ACTIVITY_TYPES[1]!];
      const t = (day: number) => new Date(Date.UTC(2025, 2, day, 9)).toISOString();
      await log('note', t(20));
      await expectLastContacted(ctx, contact.id, null, 'a note (not a touch)');
      await log(touch, t(10));
      await expectLastContacted(ctx, contact.id, t(10), `a ${touch} on ${t(10)}`);
      await log(other, t(5));
      await expectLastContacted(ctx, contact.id, t(10), `an earlier ${other} on ${t(5)}`);
      const later = await log('meeting', t(15));
      await expectLastContacted(ctx, contact.id, t(15), `a meeting on ${t(15)}`);
      const moved = await ctx.api.patch(`/v1/activities/${later.id}`, { occurredAt: t(25) });
      ctx.requireStatus(moved, [200], 'activities: PATCH occurredAt');
      await expectLastContacted(ctx, contact.id, t(25), `moving the meeting to ${t(25)}`);
      const written = await ctx.api.patch(`/v1/contacts/${contact.id}`, { lastContactedAt: t(1) });
      ctx.expectProblem(written, [400], 'contacts: PATCH lastContactedAt (kept by the server)', {
        errorPath: 'lastContactedAt',
      });
    },
  }),
];
