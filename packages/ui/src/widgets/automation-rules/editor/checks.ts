import { createContext, useContext, useEffect, useRef } from 'react';

/** Checks parts of the editor run before a save: each marks what is incomplete and returns true when it is. */
export type Checks = Set<() => boolean>;

/** The checks of the rule being edited (a branch's condition rows register theirs). */
export const ChecksContext = createContext<Checks | null>(null);

/**
 * Registers `check` with the editor while the component is mounted; the editor runs every check on save and saves
 * nothing while one returns true.
 *
 * @example
 * useCheck(() => filter.showIncomplete());
 */
export function useCheck(check: () => boolean): void {
  const checks = useContext(ChecksContext);
  const latest = useRef(check);
  latest.current = check;
  useEffect(() => {
    if (!checks) return;
    const run = () => latest.current();
    checks.add(run);
    return () => {
      checks.delete(run);
    };
  }, [checks]);
}
