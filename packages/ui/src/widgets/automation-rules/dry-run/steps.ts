import type { Schemas } from '@crmkit/client';

type Step = Schemas['AutomationStep'];
type Answered = Schemas['AutomationDryRun']['steps'][number];

/** One line of a record's dry run: the rule's step at `path`, when it would run, and a branch's side. */
export interface DryRunLine {
  path: string;
  at: string;
  /** The rule's step (undefined if the answer names a path the rule does not have). */
  step: Step | undefined;
  /** For a branch: the side the record would take, when the steps after it tell. */
  branch?: 'yes' | 'no' | undefined;
  /** How many branches the step is inside. */
  depth: number;
}

/** The step at a dry run's path (`2`, `3.yes.0`). */
function stepAt(steps: readonly Step[], path: string): Step | undefined {
  const [first, ...rest] = path.split('.');
  let step: Step | undefined = steps[Number(first)];
  for (let i = 0; i < rest.length; i += 2) {
    if (step?.type !== 'branch') return undefined;
    const side = rest[i] === 'yes' ? step.yes : rest[i] === 'no' ? step.no : undefined;
    step = side?.[Number(rest[i + 1])];
  }
  return step;
}

/**
 * A record's dry run as lines to show: each step the server says the rule would take, matched with the rule's own
 * step (so the widget words it in the user's language), and the side each branch would take — read from the path of
 * the step after it, which is inside that side.
 *
 * @example
 * dryRunSteps(rule.steps, answer.steps); // [{ path: '0', step: { type: 'branch', … }, branch: 'yes', depth: 0 }, …]
 */
export function dryRunSteps(steps: readonly Step[], answered: readonly Answered[]): DryRunLine[] {
  return answered.map((a, i) => {
    const step = stepAt(steps, a.path);
    const next = answered[i + 1]?.path ?? '';
    const side = next.startsWith(`${a.path}.yes.`) ? 'yes' : next.startsWith(`${a.path}.no.`) ? 'no' : undefined;
    return {
      path: a.path,
      at: a.at,
      step,
      branch: step?.type === 'branch' ? side : undefined,
      depth: a.path.split('.').length >> 1,
    };
  });
}
