/**
 * `@crmkit/client/validate`: validation of responses against the contract's zod schemas, for the client's `validate`
 * option. An entry of its own that the main entry never imports, so that only apps that turn validation on need zod
 * (an optional peer dependency) — and load the contract's schemas only when they do.
 *
 * @example
 * const crm = createCrmClient({ baseUrl, validate: () => import('@crmkit/client/validate') });
 */
import { routes } from '@crmkit/spec';
import type { ProblemDetails } from './errors.js';
import type { ContractValidator } from './validation.js';

/** The route table as matchers; literal paths (`/v1/deals/aggregate`) are tried before templated ones (`/v1/deals/{id}`). */
const matchers = routes
  .map((route) => ({
    route,
    pattern: new RegExp(`^${route.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    params: route.path.split('{').length,
  }))
  .sort((a, b) => a.params - b.params);

/**
 * The problem with `data` as the `status` response of `method url` (`url` starts with `baseUrl`), or undefined when it
 * conforms: `errors` name the bad fields with dotted paths (`data.0.emails.1`). Operations and statuses the contract
 * does not describe are not checked. (The client throws it as an `InvalidResponseError`; this module shares no code
 * with the main entry, so that it is loaded whole and only when asked for.)
 *
 * @example
 * contractProblem('GET', 'https://crm.test/v1/contacts/con_1', 'https://crm.test', 200, body);
 */
export const contractProblem: ContractValidator['contractProblem'] = (
  method: string,
  url: string,
  baseUrl: string,
  status: number,
  data: unknown,
): ProblemDetails | undefined => {
  const path = url.slice(baseUrl.length).split('?')[0]!;
  const m = method.toLowerCase();
  const schema = matchers.find((x) => x.route.method === m && x.pattern.test(path))?.route.responses[status]?.schema;
  const result = schema?.safeParse(data);
  if (!result || result.success) return undefined;
  const errors = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  return {
    type: 'https://crmkit.dev/problems/client/InvalidResponseError',
    title: 'InvalidResponseError',
    status,
    detail: `${method} ${path} breaks the contract: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    errors,
  };
};
