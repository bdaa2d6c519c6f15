import type { RecordOf } from '@crmkit/client';
import { useCreateRecord, useFormat, useMoveDeal } from '@crmkit/react';
import { type FormEvent, useState } from 'react';
import { useAnnounce } from '../../../context/announce.js';
import { useT } from '../../../context/i18n.js';
import { Button } from '../../../primitives/Button.js';
import { TextField } from '../../../primitives/Field.js';
import type { BoardStage } from '../column/deal-facts.js';

/**
 * The quick-add form at the top of a column: a name and an amount (in the pipeline's currency) make a deal in that
 * stage, placed at the top of the column. Escape or Cancel closes it.
 */
export function QuickAdd({
  pipelineId,
  stage,
  currency,
  before,
  onDone,
}: {
  pipelineId: string;
  stage: BoardStage;
  currency: string;
  /** The column's first deal: the new one goes before it. */
  before: RecordOf<'deals'> | undefined;
  onDone: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const announce = useAnnounce();
  const create = useCreateRecord('deals');
  const { move } = useMoveDeal();
  const [name, setName] = useState('');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('validation.required'));
      return;
    }
    const major = amount.trim() === '' ? null : Number(amount);
    create.mutate(
      {
        name: name.trim(),
        pipelineId,
        stageId: stage.id,
        currency,
        ...(major !== null && Number.isFinite(major) ? { amount: f.toMinor(major, currency) } : {}),
      },
      {
        onSuccess: (deal) => {
          // New deals go to the end of a stage; the board puts it at the top, where it was typed.
          if (before) move({ id: deal.id, stageId: stage.id, beforeId: before.id, ifVersion: deal.version });
          announce(t('board.add.added', { name: deal.name, stage: stage.name }));
          onDone();
        },
      },
    );
  };
  return (
    <form
      className="crm-pb-add"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
      noValidate
    >
      <TextField
        label={t('board.add.name')}
        value={name}
        required
        maxLength={200}
        error={error ?? (create.error ? t('state.saveFailed') : undefined)}
        autoFocus
        onChange={(e) => {
          setName(e.target.value);
          setError(undefined);
        }}
      />
      <TextField
        label={t('board.add.amount', { currency })}
        type="number"
        inputMode="decimal"
        min={0}
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
      />
      <div className="crm-pb-add-actions">
        <Button size="sm" onClick={onDone}>
          {t('action.cancel')}
        </Button>
        <Button size="sm" variant="primary" type="submit" loading={create.isPending}>
          {t('action.add')}
        </Button>
      </div>
    </form>
  );
}
