import type { Schemas } from '@crmkit/client';
import { useFormat, useList } from '@crmkit/react';
import { useT } from '../../../context/i18n.js';
import { Select, TextField } from '../../../primitives/Field.js';
import { pipelineStageName } from '../../shared/fields/labels.js';
import type { Step } from './draft.js';
import { NumberField } from './NumberField.js';
import { withStored } from './options.js';

type Deal = Extract<Step, { type: 'create_deal' }>;

/** Props of {@link DealFields}. */
export interface DealFieldsProps {
  step: Deal;
  onChange: (step: Step) => void;
  errors: ReadonlyMap<string, string>;
}

/** Decimal places of a currency's major unit (amounts are stored in minor units). */
const digitsOf = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/**
 * Opens a deal for the contact: the pipeline, the stage it starts in (the pipeline's first when none is chosen), its
 * title — placeholders such as `{{contact.firstName}}` filled in — and an amount in the pipeline's currency.
 */
export function DealFields({ step, onChange, errors }: DealFieldsProps) {
  const t = useT();
  const { locale } = useFormat();
  const pipelines = useList('pipelines', { limit: 100 }).items as Schemas['Pipeline'][];
  const pipeline = pipelines.find((p) => p.id === step.pipelineId);
  const scale = pipeline ? 10 ** digitsOf(pipeline.currency) : 1;
  const options = withStored(
    pipelines.map((p) => ({ value: p.id, label: pipelineStageName(p, locale) })),
    step.pipelineId,
    pipelines.length > 0,
  );
  return (
    <>
      <Select
        label={t('ruleEditor.pipeline')}
        required
        placeholder=""
        options={options}
        value={step.pipelineId}
        error={errors.get('pipelineId')}
        onChange={(e) => onChange({ ...step, pipelineId: e.target.value, stageId: undefined })}
      />
      <Select
        label={t('ruleEditor.stage.deal')}
        placeholder={t('ruleEditor.firstStage')}
        options={
          pipeline?.stages
            .filter((s) => s.kind === 'open')
            .map((s) => ({ value: s.id, label: pipelineStageName(s, locale) })) ?? []
        }
        value={step.stageId ?? ''}
        error={errors.get('stageId')}
        onChange={(e) => onChange({ ...step, stageId: e.target.value || undefined })}
      />
      <TextField
        label={t('ruleEditor.dealTitle')}
        description={t('ruleEditor.templateHelp', { example: '{{contact.firstName}}' })}
        required
        maxLength={300}
        value={step.name}
        error={errors.get('name')}
        onChange={(e) => onChange({ ...step, name: e.target.value })}
      />
      <NumberField
        label={pipeline ? t('ruleEditor.amountIn', { currency: pipeline.currency }) : t('ruleEditor.amount')}
        value={step.amount === undefined ? undefined : step.amount / scale}
        error={errors.get('amount')}
        onChange={(major) =>
          onChange({ ...step, amount: major === undefined ? undefined : Math.max(0, Math.round(major * scale)) })
        }
      />
    </>
  );
}
