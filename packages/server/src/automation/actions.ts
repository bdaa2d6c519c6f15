import { renderTemplate } from '@crmkit/core/templates';
import type { AutomationAssignee, AutomationResource, AutomationStep, Consent } from '@crmkit/spec';
import { activityResource } from '../activities/resource.js';
import { contactResource } from '../contacts/resource.js';
import type { WriteContext } from '../core/context.js';
import { dealResource } from '../deals/resource.js';
import { validationFailed } from '../http/problem.js';
import { notifyUser } from '../notifications/notify.js';
import { hasConsent, queueMessage } from '../outbox/outbox.js';
import { type AnyRecord, applyUpdate, createRecord, getRecord, updateRecord } from '../resources/engine.js';
import { nextAgent } from '../tickets/assignment.js';
import { queueDelivery } from '../webhooks/deliveries.js';
import { recordDef } from './rules.js';

type Action = Exclude<AutomationStep, { type: 'delay' | 'branch' }>;

/** What an action is done on: the run's record, and where to log it. */
export interface ActionTarget {
  runId: string;
  ruleId: string;
  ruleName: string;
  path: string;
  resource: AutomationResource;
  record: AnyRecord;
}

/** The outcome of an action: done (what it did) or skipped (why not). */
export interface ActionResult {
  outcome: 'done' | 'skipped';
  detail: string;
}

const done = (detail: string): ActionResult => ({ outcome: 'done', detail });
const skipped = (detail: string): ActionResult => ({ outcome: 'skipped', detail });

/** The contact a record is about: itself, a deal's first contact, a ticket's requester, an activity's contact. */
async function contactOf(w: WriteContext, t: ActionTarget): Promise<AnyRecord | null> {
  const r = t.record;
  const id =
    t.resource === 'contacts'
      ? r.id
      : t.resource === 'deals'
        ? ((r.contactIds as string[])[0] ?? null)
        : t.resource === 'tickets'
          ? (r.requesterId as string | null)
          : t.resource === 'activities'
            ? (r.contactId as string | null)
            : null;
  if (!id) return null;
  return t.resource === 'contacts' ? r : getRecord(w, contactResource, id, w.tx).catch(() => null);
}

/** The values a template can use: `record`, `contact`, `workspace`, `rule`. */
async function templateValues(w: WriteContext, t: ActionTarget) {
  const contact = await contactOf(w, t);
  return { record: t.record, contact, workspace: { name: w.principal.workspaceName }, rule: { name: t.ruleName } };
}

/** The user an assignee spec names for the record, or null (no owner, nobody available in the team). */
async function resolveAssignee(w: WriteContext, t: ActionTarget, a: AutomationAssignee): Promise<string | null> {
  if (a.type === 'user') return a.userId ?? null;
  if (a.type === 'round_robin') return a.teamId ? nextAgent(w, a.teamId) : null;
  const r = t.record;
  return ((r.ownerId ?? r.assigneeId) as string | null | undefined) ?? null;
}

/** The field that holds a record's owner. */
const OWNER_FIELD: Record<AutomationResource, string> = {
  contacts: 'ownerId',
  deals: 'ownerId',
  leads: 'ownerId',
  tickets: 'assigneeId',
  activities: 'assigneeId',
};

/** The links a task on the record gets. */
function linksOf(t: ActionTarget): Record<string, string | null> {
  const r = t.record;
  if (t.resource === 'contacts') return { contactId: r.id };
  if (t.resource === 'deals') return { dealId: r.id, contactId: (r.contactIds as string[])[0] ?? null };
  if (t.resource === 'tickets') return { ticketId: r.id, contactId: (r.requesterId as string | null) ?? null };
  return { contactId: r.contactId as string | null, dealId: r.dealId as string | null };
}

/**
 * Does one action of a run, in the run's write: changes go through the same engine as the API (validation, events),
 * messages and webhook calls into their outboxes, keyed by run and step so a retried step never sends twice.
 */
export async function runAction(w: WriteContext, t: ActionTarget, step: Action): Promise<ActionResult> {
  const def = recordDef(t.resource);
  const key = `run:${t.runId}:${t.path}`;
  switch (step.type) {
    case 'create_task': {
      const values = await templateValues(w, t);
      const assigneeId = await resolveAssignee(w, t, step.assignee);
      const task = await createRecord(w, activityResource, {
        type: 'task',
        subject: renderTemplate(step.subject, values).slice(0, 300) || step.kind,
        body: step.body ? renderTemplate(step.body, values) : null,
        purpose: step.kind === 'reminder' ? 'reminder' : null,
        dueAt: new Date(w.now.getTime() + step.dueInMinutes * 60_000).toISOString(),
        assigneeId,
        tags: ['automation'],
        ...linksOf(t),
      });
      return done(`${step.kind} ${task.id} for ${assigneeId ?? 'nobody'}`);
    }
    case 'assign': {
      const userId = await resolveAssignee(w, t, step.assignee);
      const field = OWNER_FIELD[t.resource];
      if (!userId) return skipped('nobody to assign to');
      if (t.record[field] === userId) return skipped(`already assigned to ${userId}`);
      await applyUpdate(w, def, t.record.id, { [field]: userId }, null);
      return done(`assigned to ${userId}`);
    }
    case 'update_field': {
      const body = step.field.startsWith('customFields.')
        ? { customFields: { [step.field.slice('customFields.'.length)]: step.value } }
        : { [step.field]: step.value };
      await updateRecord(w, def, t.record.id, body, null);
      return done(`${step.field} = ${JSON.stringify(step.value)}`.slice(0, 2000));
    }
    case 'add_tag':
    case 'remove_tag': {
      const tags = (t.record.tags as string[] | undefined) ?? [];
      const has = tags.includes(step.tag);
      if (has === (step.type === 'add_tag')) return skipped(`tag ${step.tag} ${has ? 'already there' : 'absent'}`);
      const next = step.type === 'add_tag' ? [...tags, step.tag] : tags.filter((x) => x !== step.tag);
      await updateRecord(w, def, t.record.id, { tags: next }, null);
      return done(`${step.type === 'add_tag' ? 'added' : 'removed'} tag ${step.tag}`);
    }
    case 'set_lifecycle': {
      if (t.record.lifecycleStage === step.stage) return skipped(`already ${step.stage}`);
      await applyUpdate(w, def, t.record.id, { lifecycleStage: step.stage }, null);
      return done(`lifecycle stage ${step.stage}`);
    }
    case 'send_message': {
      const contact = await contactOf(w, t);
      if (!contact) return skipped('no contact to message');
      const to = step.channel === 'email' ? (contact.emails as string[])[0] : (contact.phones as string[])[0];
      if (!to) return skipped(`the contact has no ${step.channel === 'email' ? 'e-mail address' : 'phone number'}`);
      if (!hasConsent(contact.consent as Consent, step.channel)) return skipped(`no ${step.channel} consent`);
      const values = await templateValues(w, t);
      const message = await queueMessage(w, {
        channel: step.channel,
        contactId: contact.id,
        recipient: to,
        subject: step.subject ? renderTemplate(step.subject, values).slice(0, 300) : null,
        body: renderTemplate(step.template, values),
        dedupeKey: key,
        source: 'automation',
        sourceId: t.runId,
      });
      return done(`${step.channel} ${message.id} queued to ${to}`);
    }
    case 'notify': {
      const userId = await resolveAssignee(w, t, step.to);
      if (!userId) return skipped('nobody to notify');
      const values = await templateValues(w, t);
      await notifyUser(w, {
        userId,
        kind: 'alert',
        title: renderTemplate(step.message, values).slice(0, 300),
        body: t.ruleName,
        resource: t.resource,
        resourceId: t.record.id,
        dedupeKey: key,
      });
      return done(`notified ${userId}`);
    }
    case 'webhook': {
      const payload = { type: 'automation.webhook', rule: { id: t.ruleId, name: t.ruleName }, record: t.record };
      await queueDelivery(w, step.subscriptionId, `run_${t.runId}_${t.path}`, 'automation.webhook', payload);
      return done(`webhook to ${step.subscriptionId} queued`);
    }
    case 'create_deal': {
      const values = await templateValues(w, t);
      const { rows } = await w.tx.query<{ currency: string }>(
        'SELECT currency FROM pipelines WHERE workspace_id = $1 AND id = $2',
        [w.principal.workspaceId, step.pipelineId],
      );
      if (!rows[0]) throw validationFailed([{ path: 'pipelineId', message: 'the pipeline no longer exists' }]);
      const deal = await createRecord(w, dealResource, {
        name: renderTemplate(step.name, values).slice(0, 300),
        pipelineId: step.pipelineId,
        ...(step.stageId ? { stageId: step.stageId } : {}),
        currency: rows[0].currency,
        amount: step.amount ?? null,
        contactIds: [t.record.id],
        ownerId: (t.record.ownerId as string | null) ?? null,
      });
      return done(`deal ${deal.id} opened`);
    }
  }
}
