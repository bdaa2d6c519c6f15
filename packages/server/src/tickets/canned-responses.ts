import { unknownPlaceholders } from '@crmkit/core/tickets';
import { cannedResponses } from '@crmkit/spec';
import { validationFailed } from '../http/problem.js';
import type { ResourceDef } from '../resources/engine.js';
import { sanitizeHtml } from './sanitize.js';

/**
 * The body to store: sanitised like a message (the placeholders are text, so they survive), refused when it uses a
 * placeholder the composer cannot fill or holds nothing once sanitised.
 */
function checkedBody(body: string): string {
  const unknown = unknownPlaceholders(body);
  if (unknown.length > 0) {
    throw validationFailed(
      unknown.slice(0, 20).map((p) => ({ path: 'body', message: `unknown placeholder {{${p.name}}}` })),
      'The body uses placeholders that cannot be filled.',
    );
  }
  const { html, text } = sanitizeHtml(body);
  if (text === '' && html === '')
    throw validationFailed([{ path: 'body', message: 'is empty once unsafe HTML is removed' }]);
  return html;
}

/**
 * Canned responses: replies a workspace keeps ready for its agents, with placeholders (`{{contact.firstName}}`, …) the
 * composer fills. Managers and admins manage them; agents read them. A shortcut is unique in the workspace.
 */
export const cannedResponseResource: ResourceDef = {
  spec: cannedResponses,
  permission: 'cannedResponses',
  entity: 'ticket',
  table: {
    table: 'canned_responses',
    idPrefix: 'cr',
    fields: {
      name: { column: 'name', kind: 'text', notNull: true },
      shortcut: { column: 'shortcut', kind: 'text' },
      body: { column: 'body', kind: 'text', notNull: true },
      status: { column: 'status', kind: 'text' },
      teamIds: { column: 'team_ids', kind: 'textarr', notNull: true },
      tags: { column: 'tags', kind: 'textarr', notNull: true },
      createdBy: { column: 'created_by', kind: 'text', readOnly: true },
    },
  },
  refs: { teamIds: { table: 'teams', what: 'team', many: true } },
  async prepareCreate(w, input) {
    return {
      shortcut: null,
      status: null,
      teamIds: [],
      tags: [],
      ...input,
      body: checkedBody(input.body as string),
      createdBy: w.principal.userId,
    };
  },
  async prepareUpdate(_w, patch) {
    return typeof patch.body === 'string' ? { ...patch, body: checkedBody(patch.body) } : { ...patch };
  },
};
