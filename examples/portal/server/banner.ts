import { formatKeys } from '@crmkit/server/node';
import type { RunningPortal } from './start.js';
import { DEMO_ACCOUNTS } from './users.js';

/** What the demo prints once it is up: where the portal and the CRM are, the logins, and the CRM's API keys. */
export function demoBanner(
  portal: RunningPortal,
  {
    url,
    dataDir,
    seconds,
    bold = (s) => s,
  }: { url: string; dataDir?: string; seconds: number; bold?: (s: string) => string },
): string {
  const keys = portal.apiKeys.length
    ? [
        '  API keys of the demo CRM, for curl and crmkit-conformance (server-side only, never in a browser):',
        ...formatKeys(portal.apiKeys)
          .split('\n')
          .map((line) => `  ${line}`),
        `  e.g. curl -H "Authorization: Bearer ${portal.crm.apiKey}" "${portal.crmUrl}/v1/contacts?limit=2"`,
        '',
      ]
    : [];
  return [
    '',
    bold('Saigon Software Co. — Customer Portal (embeds crmkit)'),
    '',
    `  Portal:    ${bold(url)}`,
    `  CRM API:   ${portal.crmUrl}${portal.crmServer ? `   (reference server, docs at ${portal.crmUrl}/docs)` : ''}`,
    ...(portal.crmServer && dataDir ? [`  CRM data:  ${dataDir}`] : []),
    '',
    '  Demo logins (password "demo"):',
    ...DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(26)} ${a.jobTitle} — CRM role ${a.crmRole}`),
    '',
    ...keys,
    `  Ready in ${seconds.toFixed(1)} s. Press Ctrl+C to stop.`,
    '',
  ].join('\n');
}
