import { type ErrorDetails, InvalidResponseError, type ProblemDetails } from './errors.js';

/** What `@crmkit/client/validate` exports: the check of a response body against the contract's schemas. */
export interface ContractValidator {
  /** The problem with `data` as the `status` answer of `method url` (under `baseUrl`), or undefined when it conforms. */
  contractProblem(
    method: string,
    url: string,
    baseUrl: string,
    status: number,
    data: unknown,
  ): ProblemDetails | undefined;
}

/**
 * The `validate` option of the client: `true` loads `@crmkit/client/validate` at run time (Node, Deno, Bun, unbundled
 * code); a bundled app passes `() => import('@crmkit/client/validate')`, which its bundler splits into a chunk of its
 * own. Either way zod (an optional peer dependency) must be installed.
 */
export type ValidateOption = boolean | (() => Promise<ContractValidator>);

/** Throws an `InvalidResponseError` naming the bad fields when `data` is not what the contract says `method url` answers. */
export type ContractCheck = (
  method: string,
  url: string,
  data: unknown,
  details: ErrorDetails & { status: number },
) => void;

const ENTRY = '@crmkit/client/validate';

/** Imports a module by a name that bundlers leave alone: resolved at run time, as Node, Deno and Bun do. */
const runtimeImport = (name: string): Promise<ContractValidator> =>
  import(/* webpackIgnore: true */ /* turbopackIgnore: true */ /* @vite-ignore */ name);

/**
 * Loads the contract check of the `validate` option on first call (undefined when it is off). The validators and zod
 * never reach the client's own bundle. When they cannot be loaded the call fails with an `Error` saying what to install.
 *
 * @example
 * const check = await contractValidator(true, 'https://crm.example.com')?.();
 * check?.('GET', 'https://crm.example.com/v1/me', body, { status: 200 });
 */
export function contractValidator(
  option: ValidateOption | undefined,
  baseUrl: string,
): (() => Promise<ContractCheck>) | undefined {
  if (!option) return undefined;
  let loading: Promise<ContractCheck> | undefined;
  return () =>
    (loading ??= (option === true ? runtimeImport(ENTRY) : option()).then(
      ({ contractProblem }): ContractCheck =>
        (method, url, data, details) => {
          const problem = contractProblem(method, url, baseUrl, details.status, data);
          if (problem) throw new InvalidResponseError(problem, details);
        },
      (cause: unknown) => {
        // Bundled apps pass the import itself: a bundler cannot follow one by a name known only at run time.
        throw new Error(`Could not load ${ENTRY} (npm install zod; bundled: pass the import): ${cause}`, { cause });
      },
    ));
}
