import { AREAS, type CheckResult, type ConformanceReport, type Finding } from './base/types.js';

const MARK: Record<CheckResult['status'], string> = { pass: '✔', fail: '✖', skip: '–', unsupported: '○' };

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}

/** A finding with its request and response; its rule too unless it is the check's own (printed once). */
function formatFinding(f: Finding, checkRule?: string): string {
  const lines = [`✖ ${f.message}`];
  if (f.rule !== checkRule) lines.push(`  rule: ${f.rule}`);
  if (f.request) {
    const headers = Object.entries(f.request.headers ?? {})
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ');
    lines.push(`  request:  ${f.request.method} ${f.request.path}${headers ? `  [${headers}]` : ''}`);
    if (f.request.body) lines.push(indent(f.request.body, '            '));
  }
  if (f.response) {
    lines.push(`  response: ${f.response.status} ${f.response.contentType ?? '(no content type)'}`);
    if (f.response.body) lines.push(indent(f.response.body, '            '));
  }
  return lines.join('\n');
}

/** The level line and what stands between the server and the next level; for a partial run, what was checked. */
export function summaryLines(report: ConformanceReport): string[] {
  const verdict = report.passed ? 'PASS' : 'FAIL';
  if (report.partial) {
    const failing = report.checks.filter((c) => c.status === 'fail').map((c) => c.id);
    const unsupported = report.checks.filter((c) => c.status === 'unsupported').map((c) => c.id);
    return [
      `Partial run: ${report.areas.length} of ${AREAS.length} groups checked (${report.areas.join(', ')}), no level claimed (required: ${report.requiredLevel}) — ${verdict}`,
      ...(failing.length ? [`Failing checks: ${failing.join(', ')}`] : []),
      ...(unsupported.length ? [`Unsupported: ${unsupported.join(', ')}`] : []),
      'Run every group (no --only) to learn the level the server reaches.',
    ];
  }
  const lines = [`Level reached: ${report.levelReached} (required: ${report.requiredLevel}) — ${verdict}`];
  const b = report.blockers;
  if (b) {
    const parts = [
      ...(b.checks.length ? [`failing checks: ${b.checks.join(', ')}`] : []),
      ...(b.capabilities.length ? [`capabilities not advertised: ${b.capabilities.join(', ')}`] : []),
    ];
    lines.push(`To reach ${b.level}: ${parts.join('; ') || 'nothing'}`);
  }
  return lines;
}

/**
 * A report for people: each check with its level, failures with the request, the response and the rule
 * of the contract that was violated, then the level reached and what blocks the next one.
 */
export function formatPretty(report: ConformanceReport, opts: { verbose?: boolean } = {}): string {
  const out = [`crmkit conformance — ${report.baseUrl} (seed ${report.seed})`, ''];
  for (const c of report.checks) {
    const why = c.reason ? ` — ${c.status === 'unsupported' ? 'unsupported' : 'skipped'}: ${c.reason}` : '';
    out.push(`${MARK[c.status]} ${c.level.padEnd(4)} ${c.id.padEnd(28)} ${c.title} (${c.durationMs} ms)${why}`);
    if (c.findings.length) out.push(`    rule: ${c.rule}`);
    for (const f of c.findings) out.push(indent(formatFinding(f, c.rule), '    '));
    if (opts.verbose) for (const n of c.notes) out.push(`      · ${n}`);
  }
  const { pass, fail, skip, unsupported } = report.counts;
  out.push(
    '',
    `${pass} passed, ${fail} failed, ${skip} skipped, ${unsupported} unsupported (${report.requests} requests in ${(report.durationMs / 1000).toFixed(1)} s)`,
  );
  out.push(...summaryLines(report));
  if (report.leftoverRecords) out.push(`(${report.leftoverRecords} records the kit created could not be deleted)`);
  return out.join('\n');
}

/** The report as JSON (the `ConformanceReport` object). */
export function formatJson(report: ConformanceReport): string {
  return JSON.stringify(report, null, 2);
}

/** Whether XML 1.0 can carry a code point (no control characters but tab, newline, return). */
const xmlChar = (c: number) => c === 9 || c === 10 || c === 13 || (c >= 0x20 && c !== 0xfffe && c !== 0xffff);

const xml = (s: string) =>
  Array.from(s, (ch) => (xmlChar(ch.codePointAt(0)!) ? ch : '\ufffd'))
    .join('')
    .replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!);

/**
 * The report as JUnit XML for CI: one test suite per area, one test case per check. Skipped checks are
 * `<skipped>`; unsupported ones fail when the required level is full.
 */
export function formatJunit(report: ConformanceReport): string {
  const areas = [...new Set(report.checks.map((c) => c.area))];
  const props = [
    ['seed', String(report.seed)],
    ['levelReached', report.levelReached ?? 'not claimed (partial run)'],
    ['partial', String(report.partial)],
    ['requiredLevel', report.requiredLevel],
  ]
    .map(([k, v]) => `      <property name="${k}" value="${xml(v!)}"/>`)
    .join('\n');
  const properties = `    <properties>\n${props}\n    </properties>`;
  const suites = areas.map((area) => {
    const checks = report.checks.filter((c) => c.area === area);
    const failing = (c: CheckResult) =>
      c.status === 'fail' || (c.status === 'unsupported' && report.requiredLevel === 'full');
    const cases = checks.map((c) => {
      const attrs = `classname="crmkit.${xml(area)}" name="${xml(`${c.id} [${c.level}]`)}" time="${(c.durationMs / 1000).toFixed(3)}"`;
      if (c.status === 'fail') {
        const body = c.findings.map((f) => formatFinding(f)).join('\n\n');
        const first = c.findings[0]?.message ?? 'failed';
        return `    <testcase ${attrs}>\n      <failure message="${xml(first)}" type="${xml(c.rule)}">${xml(body)}</failure>\n    </testcase>`;
      }
      if (c.status === 'unsupported' && failing(c)) {
        return `    <testcase ${attrs}>\n      <failure message="${xml(c.reason ?? 'unsupported')}" type="unsupported"/>\n    </testcase>`;
      }
      if (c.status !== 'pass')
        return `    <testcase ${attrs}>\n      <skipped message="${xml(c.reason ?? c.status)}"/>\n    </testcase>`;
      return `    <testcase ${attrs}/>`;
    });
    const failures = checks.filter(failing).length;
    const skipped = checks.filter((c) => c.status !== 'pass' && !failing(c)).length;
    const time = checks.reduce((t, c) => t + c.durationMs, 0) / 1000;
    return `  <testsuite name="${xml(area)}" tests="${checks.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time.toFixed(3)}">\n${properties}\n${cases.join('\n')}\n  </testsuite>`;
  });
  const failures = report.checks.filter(
    (c) => c.status === 'fail' || (c.status === 'unsupported' && report.requiredLevel === 'full'),
  ).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="crmkit-conformance" tests="${report.checks.length}" failures="${failures}" time="${(report.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
