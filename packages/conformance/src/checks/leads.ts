import type { LeadConversion } from '@crmkit/spec';
import type { ApiRecord } from '../base/fixtures.js';
import { RULES } from '../base/rules.js';
import { defineCheck, MISSING_ID } from './check.js';

export const leadChecks = [
  defineCheck({
    id: 'leads.convert-atomic',
    area: 'leads',
    title: 'Lead conversion is atomic: a failed convert writes nothing',
    level: 'full',
    rule: RULES.leadConversion,
    async run(ctx) {
      for (const r of ['leads', 'contacts', 'companies', 'deals'] as const) {
        if (!ctx.enabled(r)) return ctx.skip(`the ${r} module is switched off`);
      }
      const f = ctx.fixtures;
      const token = f.token();
      const pipeline = await f.pipeline();
      const lead = await f.create('leads', {
        name: `convert ${token}`,
        companyName: `company ${token}`,
        email: `lead.${token}@example.com`,
        phone: '+84912345678',
      });
      const path = `/v1/leads/${lead.id}/convert`;
      const failed = await ctx.api.post(path, {
        deal: { name: `deal ${token}`, pipelineId: pipeline.id, stageId: MISSING_ID },
      });
      if (failed.status < 400) ctx.fail('converting with a deal stage that does not exist succeeded', failed);
      else ctx.expectProblem(failed, [400, 404, 409, 422], 'convert with an invalid deal stage');
      const after = await ctx.api.get(`/v1/leads/${lead.id}`);
      const stored = after.body as ApiRecord | undefined;
      if (stored?.status === 'converted' || stored?.convertedAt || stored?.version !== lead.version) {
        ctx.fail('the failed conversion changed the lead', after);
      }
      for (const r of ['contacts', 'companies', 'deals'] as const) {
        const { records, exchanges } = await f.listAll(r, token);
        if (records.length) {
          ctx.fail(
            `the failed conversion left ${records.length} ${r} behind: ${records.map((x) => x.id).join(', ')}`,
            exchanges.at(-1),
          );
        }
      }
      const stage = pipeline.stages[1]!;
      const ok = await ctx.api.post(path, {
        deal: { name: `deal ${token}`, pipelineId: pipeline.id, stageId: stage.id },
      });
      if (!ctx.expectStatus(ok, [200], 'convert with a valid deal')) return;
      const conv = ok.body as LeadConversion;
      f.track('contacts', conv.contact.id);
      if (conv.company) f.track('companies', conv.company.id);
      if (conv.deal) f.track('deals', conv.deal.id);
      if (conv.lead.status !== 'converted' || conv.lead.convertedContactId !== conv.contact.id) {
        ctx.fail(
          `the converted lead has status ${conv.lead.status}, convertedContactId ${conv.lead.convertedContactId}`,
          ok,
        );
      }
      if (!conv.contact.emails.includes(`lead.${token}@example.com`))
        ctx.fail("the contact lacks the lead's email", ok);
      if (conv.company?.name !== `company ${token}`)
        ctx.fail("the company was not created from the lead's companyName", ok);
      if (conv.deal?.stageId !== stage.id) ctx.fail('the deal is not in the requested stage', ok);
    },
  }),
];
