import type { RecordOf } from '@crmkit/client';
import { useCreateRecord, useFormat, useMoveDeal } from '@crmkit/react';
import { type FormEvent, useMemo, useState } from 'react';
import { useAnnounce } from '../../../context/announce.js';
import { useT } from '../../../context/i18n.js';
import { Button } from '../../../primitives/Button.js';
import { TextField } from '../../../primitives/Field.js';
import { checkField, type FormField, problemMessage, readAmount } from '../../shared/editing/validate.js';
import type { BoardStage } from '../column/deal-facts.js';

/**
 * The quick-add form at the top of a column: a name and an amount (in the pipeline's currency) make a deal in that
 * stage, placed at the top of the column. The amount is read the locale's way (`150.000` is a hundred and fifty
 * thousand dong in Vietnamese, `1,500` fifteen hundred baht in Thai); what could be read two ways is refused with an
 * example, never guessed. Escape or Cancel closes it.
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
  const [amountError, setAmountError] = useState<string | undefined>();
  const amountField = useMemo<FormField>(
    () => ({ path: 'amount', label: t('board.add.amount', { currency }), type: 'currency', currency, min: 0 }),
    [t, currency],
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = { format: f };
    const problem = checkField(amountField, amount, read);
    setError(name.trim() ? undefined : t('validation.required'));
    setAmountError(problem && problemMessage(t, problem));
    if (!name.trim() || problem) {
      const form = event.currentTarget as HTMLFormElement;
      (form.elements.namedItem(name.trim() ? 'amount' : 'name') as HTMLInputElement | null)?.focus();
      return;
    }
    const typed = amount.trim() ? readAmount(amountField, amount, read) : undefined;
    create.mutate(
      {
        name: name.trim(),
        pipelineId,
        stageId: stage.id,
        currency,
        ...(typed && 'value' in typed ? { amount: typed.value } : {}),
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
        name="name"
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
        label={amountField.label}
        name="amount"
        inputMode="decimal"
        autoComplete="off"
        value={amount}
        error={amountError}
        onChange={(e) => {
          setAmount(e.target.value);
          setAmountError(undefined);
        }}
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
