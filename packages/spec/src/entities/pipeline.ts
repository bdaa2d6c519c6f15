import { DEAL_LIMITS } from '@crmkit/core';
import { z } from 'zod';
import { CurrencyCode, Id, LocalizedText, RecordBase } from '../base/primitives.js';
import { named } from '../base/registry.js';

/** Most stages a pipeline has. */
const MAX_STAGES = 30;

export const StageKind = z.enum(['open', 'won', 'lost']);
export type StageKind = z.infer<typeof StageKind>;

const stageFields = {
  name: z.string().trim().min(1).max(100),
  label: LocalizedText.optional().describe(
    'The stage\'s name per locale (`{ "en": "Proposal", "vi": "Gửi báo giá", "th": "ยื่นข้อเสนอ" }`), as `GET /v1/schema` labels built-in values; clients show the label of their locale (then its language, then `en`), and `name` when there is none.',
  ),
  probability: z.int().min(0).max(100).describe('Default win probability, in percent, of deals in this stage.'),
  kind: StageKind,
};

/** The idle threshold of a stage: an open deal idle longer than this many whole days "rots"; null never. */
const RottingDays = z
  .int()
  .min(1)
  .max(DEAL_LIMITS.rottingDays)
  .nullable()
  .describe(
    'Days an open deal may stay idle in this stage — since it entered the stage or since its last activity, whichever is later — before it rots (`filter[rotting]=true`); `null`: deals here never rot.',
  );

export const Stage = named(
  'Stage',
  z.object({ id: Id, ...stageFields, rottingDays: RottingDays, position: z.int().min(0) }),
);
export type Stage = z.infer<typeof Stage>;

/** A stage as sent by a client: omit `id` to add a stage, keep it to update one; `rottingDays` defaults to null. */
export const StageInput = z.strictObject({ id: Id.optional(), ...stageFields, rottingDays: RottingDays.optional() });
export type StageInput = z.infer<typeof StageInput>;

const pipelineFields = {
  name: z.string().trim().min(1).max(100),
  label: LocalizedText.nullable()
    .optional()
    .describe(
      'The pipeline\'s name per locale (`{ "en": "Renewals", "vi": "Gia hạn hội viên", "th": "ต่ออายุสมาชิก" }`), like a stage\'s `label`; clients show the label of their locale (then its language, then `en`), and `name` when there is none (`null`, or absent on a server that does not store labels).',
    ),
  currency: CurrencyCode.describe('Default currency of new deals in this pipeline.'),
  isDefault: z.boolean(),
};

/** An ordered list of stages deals move through. */
export const Pipeline = named(
  'Pipeline',
  z.object({ ...RecordBase, ...pipelineFields, stages: z.array(Stage).max(MAX_STAGES) }),
  'An ordered list of stages that deals move through.',
);
export type Pipeline = z.infer<typeof Pipeline>;

export const PipelineCreate = named(
  'PipelineCreate',
  z
    .strictObject({ ...pipelineFields, stages: z.array(StageInput).min(1).max(MAX_STAGES) })
    .partial()
    .required({ name: true, stages: true }),
);
export type PipelineCreate = z.infer<typeof PipelineCreate>;

export const PipelineUpdate = named(
  'PipelineUpdate',
  z
    .strictObject({ ...pipelineFields, stages: z.array(StageInput).min(1).max(MAX_STAGES) })
    .partial()
    .describe('`stages` replaces the whole list in the given order; a stage left out must hold no deals.'),
);
export type PipelineUpdate = z.infer<typeof PipelineUpdate>;
