import {
  AutomationDryRunRequest,
  AutomationManualRun,
  type AutomationRule,
  AutomationRuleCreate,
  AutomationRunsQuery,
} from '@crmkit/spec';
import type { Hono } from 'hono';
import { can } from '../auth/permissions.js';
import { withWrite } from '../core/context.js';
import { newId } from '../core/ids.js';
import { readBody } from '../http/body.js';
import { gateCapability } from '../http/capability.js';
import type { AppEnv } from '../http/env.js';
import { forbidden, notFound, parseOrThrow } from '../http/problem.js';
import { logPage, logPageQuery, logQuery } from '../query/log-page.js';
import { registerCrudRoutes } from '../resources/crud-routes.js';
import { authorize, getRecord } from '../resources/engine.js';
import { matchingIds } from './conditions.js';
import { dryRun } from './dry-run.js';
import { enrol, listedCandidates } from './enrol.js';
import { automationRuleResource, recordDef, validateRule } from './rules.js';

/** A run as the API shows it. */
export function toRun(r: Record<string, unknown>) {
  return {
    id: r.id,
    ruleId: r.rule_id,
    resource: r.resource,
    recordId: r.record_id,
    occurrence: r.occurrence,
    status: r.status,
    dryRun: false,
    startedAt: r.started_at,
    nextStepAt: r.next_step_at ?? null,
    finishedAt: r.finished_at ?? null,
    error: r.error ?? null,
  };
}

const toStep = (r: Record<string, unknown>) => ({
  id: r.id,
  runId: r.run_id,
  path: r.path,
  type: r.type,
  outcome: r.outcome,
  attempt: r.attempt,
  at: r.at,
  detail: r.detail ?? null,
  error: r.error ?? null,
});

/** Rules (CRUD, run, dry-run) and the run log. */
export function registerAutomationRoutes(app: Hono<AppEnv>): void {
  gateCapability(app, 'automation', ['/v1/automation-rules', '/v1/automation-runs']);
  app.post('/v1/automation-rules/dry-run', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, automationRuleResource, 'read');
    const body = await readBody(c, AutomationDryRunRequest);
    if (!body.rule) throw parseOrThrow(AutomationRuleCreate, undefined, 'rule');
    const rule = { description: null, enabled: true, conditions: null, ...body.rule } as AutomationRule;
    await withWrite(ctx, (w) => validateRule(w, rule));
    return c.json(await dryRun(ctx, rule, body));
  });
  app.post('/v1/automation-rules/:id/dry-run', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, automationRuleResource, 'read');
    const body = await readBody(c, AutomationDryRunRequest);
    const stored = (await getRecord(ctx, automationRuleResource, c.req.param('id'))) as unknown as AutomationRule;
    return c.json(await dryRun(ctx, body.rule ? { ...stored, ...body.rule } : stored, body));
  });
  app.post('/v1/automation-rules/:id/run', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, automationRuleResource, 'update');
    const body = await readBody(c, AutomationManualRun);
    const rule = (await getRecord(ctx, automationRuleResource, c.req.param('id'))) as unknown as AutomationRule;
    const occurrence = `manual:${body.occurrence ?? c.req.header('idempotency-key')?.slice(0, 64) ?? newId('man')}`;
    const runs = await withWrite(ctx, async (w) => {
      const ids = await matchingIds(w, w.tx, recordDef(rule.resource), body.recordIds, rule.conditions);
      return enrol(w.tx, w.principal.workspaceId, rule, listedCandidates(ids, occurrence, w.now), w.now);
    });
    ctx.afterCommit?.(ctx.principal.workspaceId);
    const result = body.recordIds.map((id) => ({ recordId: id, runId: runs.get(id) ?? null, enrolled: runs.has(id) }));
    return c.json({ runs: result }, 202);
  });
  registerCrudRoutes(app, automationRuleResource);

  const canReadRuns = (role: Parameters<typeof can>[0]) => {
    if (!can(role, 'automation-runs', 'read')) throw forbidden('This role may not read automation runs.');
  };
  app.get('/v1/automation-runs', async (c) => {
    const ctx = c.get('ctx');
    canReadRuns(ctx.principal.role);
    const url = new URL(c.req.url);
    const q = logQuery(AutomationRunsQuery, url.searchParams);
    const filters = {
      workspace_id: ctx.principal.workspaceId,
      rule_id: q.ruleId,
      record_id: q.recordId,
      status: q.status,
    };
    return c.json(
      await logPage(ctx.db, 'automation_runs', 'started_at', filters, logPageQuery(url.searchParams), toRun),
    );
  });
  app.get('/v1/automation-runs/:id', async (c) => {
    const ctx = c.get('ctx');
    canReadRuns(ctx.principal.role);
    const { rows } = await ctx.db.query('SELECT * FROM automation_runs WHERE workspace_id = $1 AND id = $2', [
      ctx.principal.workspaceId,
      c.req.param('id').slice(0, 64),
    ]);
    if (!rows[0]) throw notFound('automation run', c.req.param('id').slice(0, 64));
    return c.json(toRun(rows[0]));
  });
  app.get('/v1/automation-runs/:id/steps', async (c) => {
    const ctx = c.get('ctx');
    canReadRuns(ctx.principal.role);
    const id = c.req.param('id').slice(0, 64);
    const { rows } = await ctx.db.query('SELECT 1 FROM automation_runs WHERE workspace_id = $1 AND id = $2', [
      ctx.principal.workspaceId,
      id,
    ]);
    if (!rows[0]) throw notFound('automation run', id);
    const page = logPageQuery(new URL(c.req.url).searchParams);
    return c.json(await logPage(ctx.db, 'automation_steps', 'at', { run_id: id }, page, toStep, 'asc'));
  });
}
