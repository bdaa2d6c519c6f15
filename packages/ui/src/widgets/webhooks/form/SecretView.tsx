import { useFormat } from '@crmkit/react';
import { useRef, useState } from 'react';
import { useT } from '../../../context/i18n.js';
import { Button } from '../../../primitives/Button.js';
import { TextField } from '../../../primitives/Field.js';
import * as icons from '../../../primitives/icons.js';

/**
 * A signing secret, shown once: read-only (selected on focus) with a Copy button that says when it copied. Where the
 * clipboard is refused, the text is selected for the user to copy.
 */
export function SecretView({ secret, graceUntil }: { secret: string; graceUntil?: string | null }) {
  const t = useT();
  const f = useFormat();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      field.current?.select();
    }
  };
  return (
    <div className="crm-wh-secret">
      <p>{t('webhooks.secretOnce')}</p>
      {graceUntil && <p>{t('webhooks.secretGrace', { date: f.dateTime(graceUntil, 'short') })}</p>}
      <div className="crm-wh-secret-row">
        <TextField
          ref={field}
          label={t('webhooks.secret')}
          value={secret}
          readOnly
          spellCheck={false}
          onFocus={(e) => e.target.select()}
        />
        <Button icon={copied ? icons.check : undefined} onClick={() => void copy()}>
          {t('webhooks.copy')}
        </Button>
      </div>
      <p role="status" className="crm-wh-muted">
        {copied ? t('webhooks.copied') : ''}
      </p>
    </div>
  );
}
