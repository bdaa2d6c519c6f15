import type { CrmError } from '@crmkit/client';
import type { Translate } from '../../i18n/translate.js';
import { stateOfError } from '../../primitives/StateView.js';

/**
 * Why switching a rule on or off failed, for the user: the server's own words for a refused change (a 400 or 422
 * names what is wrong with the rule), else by the kind of failure — no permission, the rule is gone, offline, or any
 * other error.
 *
 * @example
 * toggleErrorText(new ForbiddenError(…), t); // 'You may not switch rules on or off: the rule is as it was.'
 */
export function toggleErrorText(error: unknown, t: Translate): string {
  const e = error as Partial<CrmError>;
  if ((e.status === 400 || e.status === 422) && (e.detail || e.errors?.length)) {
    return t('rules.notSaved.invalid', { detail: e.errors?.map((f) => f.message).join('; ') || e.detail! });
  }
  return t(`rules.notSaved.${stateOfError(error)}`);
}
