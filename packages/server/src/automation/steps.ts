import type { AutomationStep } from '@crmkit/spec';

/**
 * Where a run is in its rule: a path of indexes through branches, `2` (the third step) or `3.yes.0` (the first step
 * of the `yes` list of the fourth step). A run stores the path of its next step.
 */

type Branch = Extract<AutomationStep, { type: 'branch' }>;

/** The list of steps a path's last index points into, and that index. */
function locate(steps: readonly AutomationStep[], path: string): { list: readonly AutomationStep[]; index: number } {
  const parts = path.split('.');
  let list = steps;
  for (let i = 0; i + 2 < parts.length; i += 2) {
    const step = list[Number(parts[i])] as Branch | undefined;
    const side = parts[i + 1] === 'yes' ? 'yes' : 'no';
    list = step?.type === 'branch' ? step[side] : [];
  }
  return { list, index: Number(parts.at(-1)) };
}

/** The step at `path`, or undefined past the end of its list. */
export function stepAt(steps: readonly AutomationStep[], path: string): AutomationStep | undefined {
  const { list, index } = locate(steps, path);
  return list[index];
}

/**
 * The path after the step at `path` (or after the end of the list `path` points past): the next step of its list, else
 * the step after the branch that holds the list, and so on; null at the end of the rule.
 */
export function nextPath(steps: readonly AutomationStep[], path: string): string | null {
  const parts = path.split('.');
  for (;;) {
    const next = [...parts.slice(0, -1), String(Number(parts.at(-1)) + 1)].join('.');
    if (stepAt(steps, next)) return next;
    if (parts.length === 1) return null;
    parts.splice(-2, 2);
  }
}

/** The first step of a branch's chosen side, or the step after the branch when that side is empty. */
export function enterBranch(steps: readonly AutomationStep[], path: string, side: 'yes' | 'no'): string | null {
  const first = `${path}.${side}.0`;
  return stepAt(steps, first) ? first : nextPath(steps, path);
}

/** Every step of a rule with its path, branches before their sides, in order. */
export function allSteps(steps: readonly AutomationStep[], prefix = ''): { path: string; step: AutomationStep }[] {
  return steps.flatMap((step, i) => {
    const path = `${prefix}${i}`;
    const own = [{ path, step }];
    if (step.type !== 'branch') return own;
    return [...own, ...allSteps(step.yes, `${path}.yes.`), ...allSteps(step.no, `${path}.no.`)];
  });
}

/** How deeply branches nest (0: none). */
export function branchDepth(steps: readonly AutomationStep[]): number {
  return Math.max(
    0,
    ...steps.map((s) => (s.type === 'branch' ? 1 + Math.max(branchDepth(s.yes), branchDepth(s.no)) : 0)),
  );
}
