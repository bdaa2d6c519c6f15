/**
 * axe-core over a whole host page in a playwright-core page: the host's own markup as much as the widgets in it. The
 * examples' end-to-end tests expect no violation on any page they visit.
 */
import { createRequire } from 'node:module';

const axeScript = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: string[]; failureSummary?: string }[] }[];
}

/** What this needs of a playwright-core `Page` (typed here so that no example depends on playwright's types). */
interface BrowserPage {
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  addScriptTag(options: { path: string }): Promise<unknown>;
}

/**
 * The axe violations of the page as it is now (WCAG 2.2 A/AA and best practices, plus "label in name", WCAG 2.5.3,
 * which axe ships switched off), one line each: `rule-id: help — target (summary)`. An empty list is a clean page.
 *
 * @example
 * expect(await axeViolations(page)).toEqual([]);
 */
export async function axeViolations(page: BrowserPage): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axeScript });
  const result = await page.evaluate(
    () =>
      (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe.run(
        document,
        { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } },
      ) as Promise<AxeResult>,
  );
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${v.help} — ${n.target.join(' ')} (${n.failureSummary?.replace(/\s+/g, ' ')})`),
  );
}
