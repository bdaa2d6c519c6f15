import { PLACEHOLDERS } from '@crmkit/core/tickets';
import { z } from 'zod';
import { Id, RecordBase, Tags } from '../base/primitives.js';
import { named } from '../base/registry.js';
import { TicketStatus } from './ticket.js';

const fields = {
  name: z.string().trim().min(1).max(100),
  shortcut: z
    .string()
    .max(32)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, `-` and `_`')
    .nullable()
    .describe('Typed after `::` in the composer to insert it.'),
  body: z
    .string()
    .min(1)
    .max(20_000)
    .describe(
      `The reply, HTML (sanitised like messages). Placeholders: ${PLACEHOLDERS.map((p) => `\`{{${p}}}\``).join(', ')}; any other is refused.`,
    ),
  status: TicketStatus.nullable().describe('A status to set when the response is sent (reply-and-set), or null.'),
  teamIds: z.array(Id).max(50).describe('Teams it is offered to; empty: everyone.'),
  tags: Tags,
};

/** A reply the workspace keeps ready, with placeholders filled in when it is used. */
export const CannedResponse = named(
  'CannedResponse',
  z.object({ ...RecordBase, ...fields, createdBy: Id.nullable() }),
  'A reply the workspace keeps ready for agents; placeholders are filled from the ticket, its requester and the agent.',
);
export type CannedResponse = z.infer<typeof CannedResponse>;

export const CannedResponseCreate = named(
  'CannedResponseCreate',
  z.strictObject(fields).partial().required({ name: true, body: true }),
);
export const CannedResponseUpdate = named('CannedResponseUpdate', z.strictObject(fields).partial());
