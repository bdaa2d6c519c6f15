import { localize, useCrm, useSchema } from '@crmkit/react';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useT } from '../../../context/i18n.js';
import { useEntityLabel } from '../../../context/labels.js';
import { Button } from '../../../primitives/Button.js';
import { Dialog } from '../../../primitives/Dialog.js';
import { TextField } from '../../../primitives/Field.js';
import type { BoardStage } from '../column/deal-facts.js';
import type { LostPrompt } from '../moves/useBoardMoves.js';

/** Longest lost reason the contract takes. */
const MAX_REASON = 500;

/**
 * Asks why a deal was lost before it moves to a lost stage: one of the workspace's reasons, or (where the workspace
 * allows it, or has none) the user's own words. Cancelling writes nothing and the card stays where it was.
 */
export function LostReasonDialog({
  prompt,
  stages,
  onResolve,
}: {
  prompt: LostPrompt;
  stages: readonly BoardStage[];
  onResolve: (reason: string | null) => void;
}) {
  const t = useT();
  const { locale } = useCrm();
  const entity = useEntityLabel('deal', 'singular').toLocaleLowerCase(locale);
  const config = useSchema().data?.lostReasons;
  const reasons = config?.reasons ?? [];
  const allowOther = !config || config.allowOther || reasons.length === 0;
  const [choice, setChoice] = useState(reasons[0] ? reasons[0].key : 'other');
  const [other, setOther] = useState('');
  const [error, setError] = useState<string | undefined>();
  const otherField = useRef<HTMLInputElement>(null);
  const name = useId();
  const stage = stages.find((s) => s.id === prompt.target.stageId)?.name ?? '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = reasons.find((r) => r.key === choice);
    const reason = chosen ? localize(chosen.label, locale) : other.trim();
    if (!reason) {
      setError(t('board.lost.required'));
      otherField.current?.focus();
      return;
    }
    onResolve(chosen ? chosen.key : reason);
  };
  const formId = `${name}-form`;
  return (
    <Dialog
      open
      size="sm"
      onOpenChange={() => onResolve(null)}
      title={t('board.lost.title', { name: prompt.deal.name })}
      description={t('board.lost.description', { entity, stage })}
      footer={
        <>
          <Button onClick={() => onResolve(null)}>{t('action.cancel')}</Button>
          <Button variant="danger" type="submit" form={formId}>
            {t('board.lost.confirm')}
          </Button>
        </>
      }
    >
      <form id={formId} className="crm-pb-lost" onSubmit={submit} noValidate>
        {reasons.length > 0 && (
          <fieldset className="crm-pb-lost-reasons">
            <legend>{t('board.lost.reason')}</legend>
            {[
              ...reasons.map((r) => ({ key: r.key, label: localize(r.label, locale) })),
              ...(allowOther ? [{ key: 'other', label: t('board.lost.other') }] : []),
            ].map((r) => (
              <label key={r.key} className="crm-pb-lost-choice">
                <input
                  type="radio"
                  name={name}
                  value={r.key}
                  checked={choice === r.key}
                  onChange={() => {
                    setChoice(r.key);
                    setError(undefined);
                  }}
                />
                <span>{r.label}</span>
              </label>
            ))}
          </fieldset>
        )}
        {allowOther && choice === 'other' && (
          <TextField
            ref={otherField}
            label={reasons.length ? t('board.lost.details') : t('board.lost.reason')}
            multiline
            rows={2}
            maxLength={MAX_REASON}
            required
            value={other}
            error={error}
            onChange={(e) => {
              setOther(e.target.value);
              setError(undefined);
            }}
          />
        )}
      </form>
    </Dialog>
  );
}
