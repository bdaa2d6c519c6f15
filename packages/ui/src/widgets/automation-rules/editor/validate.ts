import type { Translate } from '../../../i18n/translate.js';
import { type Assignee, NO_CONDITION, type Step } from './draft.js';

/** A message on a path of the rule, as the server reports them (`steps.1.yes.0.subject`). */
export interface Problem {
  path: string;
  message: string;
}

const blank = (s: string | undefined) => !s || s.trim() === '';

function assigneeProblems(a: Assignee, at: string, t: Translate): Problem[] {
  if (a.type === 'user' && !a.userId) return [{ path: `${at}.userId`, message: t('ruleEditor.chooseUser') }];
  if (a.type === 'round_robin' && !a.teamId) return [{ path: `${at}.teamId`, message: t('ruleEditor.chooseTeam') }];
  return [];
}

/** What one step lacks before it can be saved, at `at` (`steps.2`). */
function stepProblems(step: Step, at: string, t: Translate): Problem[] {
  const required = (field: string, value: string | undefined): Problem[] =>
    blank(value) ? [{ path: `${at}.${field}`, message: t('ruleEditor.required') }] : [];
  switch (step.type) {
    case 'delay':
      if (step.minutes === undefined && !step.until) return [{ path: at, message: t('ruleEditor.delayNeeds') }];
      if (step.until && step.until.weekdays?.length === 0)
        return [{ path: `${at}.until.weekdays`, message: t('ruleEditor.needsWeekday') }];
      return [];
    case 'branch':
      return [
        ...(step.if === NO_CONDITION ? [{ path: `${at}.if`, message: t('ruleEditor.needsCondition') }] : []),
        ...stepsProblems(step.yes, `${at}.yes`, t),
        ...stepsProblems(step.no, `${at}.no`, t),
      ];
    case 'create_task':
      return [...required('subject', step.subject), ...assigneeProblems(step.assignee, `${at}.assignee`, t)];
    case 'assign':
      return assigneeProblems(step.assignee, `${at}.assignee`, t);
    case 'notify':
      return [...required('message', step.message), ...assigneeProblems(step.to, `${at}.to`, t)];
    case 'update_field':
      return blank(step.field) ? [{ path: `${at}.field`, message: t('ruleEditor.chooseField') }] : [];
    case 'add_tag':
    case 'remove_tag':
      return required('tag', step.tag);
    case 'send_message':
      return required('template', step.template);
    case 'webhook':
      return blank(step.subscriptionId)
        ? [{ path: `${at}.subscriptionId`, message: t('ruleEditor.chooseWebhook') }]
        : [];
    case 'create_deal':
      return [
        ...(blank(step.pipelineId) ? [{ path: `${at}.pipelineId`, message: t('ruleEditor.choosePipeline') }] : []),
        ...required('name', step.name),
      ];
    default:
      return [];
  }
}

/**
 * What the steps lack before the rule can be saved — the same paths the server reports, so both show on the field
 * they are about: a required text left empty, a user / team / webhook / pipeline / field not chosen, a branch without
 * a condition, a wait with neither a duration nor a window.
 *
 * @example
 * stepsProblems([{ type: 'add_tag', tag: '' }], 'steps', t); // [{ path: 'steps.0.tag', message: 'Fill this in.' }]
 */
export function stepsProblems(steps: readonly Step[], at: string, t: Translate): Problem[] {
  return steps.flatMap((step, i) => stepProblems(step, `${at}.${i}`, t));
}
