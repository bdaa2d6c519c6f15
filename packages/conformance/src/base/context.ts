import { FIELD_ERROR_CODES } from '@crmkit/core/problems';
import type { Capabilities, CapabilityName, Me, ResourceName, ResourceSpec, WorkspaceSchema } from '@crmkit/spec';
import { RESOURCE_NAMES, resources } from '@crmkit/spec';
import { checkComponent, describeErrors, matchRoute, responseSchemaOf, validatorOf } from './contract.js';
import type { Fixtures } from './fixtures.js';
import { type Api, type Exchange, summarizeRequest, summarizeResponse } from './http.js';
import { RULES } from './rules.js';
import type { CheckResult, ConformanceOptions, Finding } from './types.js';

/** Thrown by `ctx.skip()`: the check could not be verified here. */
export class SkipSignal extends Error {}
/** Thrown by `ctx.abort()` and `ctx.requireStatus()`: the check cannot go on (its finding is already recorded). */
export class CheckAborted extends Error {}

const MAX_FINDINGS = 25;

/** The workspace module a resource belongs to (pipelines belong to deals). */
const MODULE_OF: Partial<Record<ResourceName, keyof WorkspaceSchema['entities']>> = {
  companies: 'company',
  contacts: 'contact',
  leads: 'lead',
  pipelines: 'deal',
  deals: 'deal',
  activities: 'activity',
  tickets: 'ticket',
};

/** Everything a check can use: the clients, what the server advertises, fixtures, and the finding recorder. */
export class CheckContext {
  /** The check being run. */
  current: CheckResult | null = null;
  /** Whether every exchange is validated against the contract (fuzzing checks turn it off and judge themselves). */
  autoInspect = true;
  /** Time the fuzzing checks have used so far (they share `timeBudgetMs`). */
  fuzzSpentMs = 0;
  private readonly seen = new Set<string>();
  private viewer: Promise<Api | string> | null = null;

  constructor(
    readonly options: Required<Pick<ConformanceOptions, 'fuzzRuns' | 'timeBudgetMs' | 'seed'>> & ConformanceOptions,
    readonly api: Api,
    readonly apiOther: Api | null,
    readonly schema: WorkspaceSchema,
    readonly me: Me,
    readonly fixtures: Fixtures,
    private readonly makeApi: (token: string) => Api,
  ) {}

  get capabilities(): Capabilities {
    return this.schema.capabilities;
  }

  /** Whether the server advertises an optional capability. */
  has(capability: CapabilityName): boolean {
    return this.capabilities[capability] === true;
  }

  /** The resources whose module is enabled in the workspace (all of them unless switched off). */
  get resources(): ResourceSpec[] {
    return RESOURCE_NAMES.filter((name) => {
      const module = MODULE_OF[name];
      return module === undefined || this.schema.entities[module]?.enabled !== false;
    }).map((name) => resources[name]);
  }

  /** Whether a resource's module is enabled. */
  enabled(name: ResourceName): boolean {
    return this.resources.some((r) => r.name === name);
  }

  /** Records a violation of `rule` (default: the current check's rule), with the exchange that shows it. */
  fail(message: string, ex?: Exchange, rule?: string): void {
    const result = this.current;
    if (!result) return;
    if (result.findings.length >= MAX_FINDINGS) return;
    const finding: Finding = { message, rule: rule ?? result.rule };
    if (ex) {
      finding.request = summarizeRequest(ex.request);
      finding.response = summarizeResponse(ex);
    }
    result.findings.push(finding);
  }

  /** Records what was verified. */
  note(text: string): void {
    this.current?.notes.push(text);
  }

  /** Stops the check as not verifiable here. */
  skip(reason: string): never {
    throw new SkipSignal(reason);
  }

  /** Records a failure and stops the check. */
  abort(message: string, ex?: Exchange): never {
    this.fail(message, ex);
    throw new CheckAborted(message);
  }

  /** Checks the status; records a finding otherwise. */
  expectStatus(ex: Exchange, expected: readonly number[], what: string): boolean {
    if (expected.includes(ex.status)) return true;
    this.fail(`${what}: answered ${ex.status}, expected ${expected.join(' or ')}`, ex);
    return false;
  }

  /** Like `expectStatus`, but stops the check when the status is not the expected one. */
  requireStatus(ex: Exchange, expected: readonly number[], what: string): void {
    if (!this.expectStatus(ex, expected, what)) throw new CheckAborted(what);
  }

  /**
   * Checks an error answer: one of `statuses`, `application/problem+json`, a valid Problem whose `status`
   * matches, and — with `errorPath` — an `errors[]` entry whose path names the offending value.
   */
  expectProblem(ex: Exchange, statuses: readonly number[], what: string, opts: { errorPath?: string } = {}): boolean {
    if (!statuses.includes(ex.status)) {
      this.fail(`${what}: answered ${ex.status}, expected ${statuses.join(' or ')} (a problem)`, ex);
      return false;
    }
    let ok = true;
    if (!/^application\/problem\+json\b/i.test(ex.contentType ?? '')) {
      this.fail(
        `${what}: the ${ex.status} is ${ex.contentType ?? 'without a content type'}, not application/problem+json`,
        ex,
        RULES.problemJson,
      );
      ok = false;
    }
    const bad = checkComponent('Problem', ex.body);
    if (bad !== null) {
      this.fail(`${what}: the ${ex.status} body is not a Problem: ${bad}`, ex, RULES.problemJson);
      ok = false;
    } else if ((ex.body as { status: number }).status !== ex.status) {
      this.fail(
        `${what}: the problem's status ${(ex.body as { status: number }).status} differs from the HTTP status ${ex.status}`,
        ex,
        RULES.problemJson,
      );
      ok = false;
    }
    if (bad === null && !this.expectFieldCodes(ex, what)) ok = false;
    if (opts.errorPath !== undefined && bad === null) {
      const errors = (ex.body as { errors?: { path: string }[] }).errors ?? [];
      if (!errors.some((e) => e.path.split(/[.,[\]/]/).includes(opts.errorPath!) || e.path === opts.errorPath)) {
        this.fail(
          `${what}: errors[] does not name "${opts.errorPath}" (paths: ${errors.map((e) => e.path).join(', ') || 'none'})`,
          ex,
          RULES.validationErrors,
        );
        ok = false;
      }
    }
    return ok;
  }

  /** Checks that the documented codes of a problem's field errors come with exactly their documented parameters. */
  private expectFieldCodes(ex: Exchange, what: string): boolean {
    const errors = (ex.body as { errors?: { path: string; code?: string; params?: object }[] }).errors ?? [];
    for (const e of errors) {
      const documented = e.code === undefined ? undefined : FIELD_ERROR_CODES[e.code as keyof typeof FIELD_ERROR_CODES];
      if (!documented) continue;
      const sent = Object.keys(e.params ?? {}).sort();
      if (sent.join() === [...documented].sort().join()) continue;
      this.fail(
        `${what}: the error at "${e.path}" has code ${e.code} with params [${sent.join(', ')}], documented as [${documented.join(', ')}]`,
        ex,
        RULES.fieldErrorCodes,
      );
      return false;
    }
    return true;
  }

  /** Validates a value against a component of the contract; records a finding when it does not match. */
  expectSchema(component: string, value: unknown, what: string, ex?: Exchange): boolean {
    const bad = checkComponent(component, value);
    if (bad === null) return true;
    this.fail(`${what} does not match ${component}: ${bad}`, ex, RULES.schema);
    return false;
  }

  /**
   * Judges every exchange against the contract: never a 5xx; errors are problem+json; success statuses are
   * documented and bodies match the operation's schema; declared headers are sent. One finding per
   * operation and kind per check.
   */
  inspect(ex: Exchange): void {
    const result = this.current;
    if (!result) return;
    const path = ex.request.path.split('?')[0]!;
    const route = matchRoute(ex.request.method, path);
    if (ex.status === 201 && route?.resource && route.path === `/v1/${route.resource.name}`) {
      const id = (ex.body as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string') this.fixtures.track(route.resource.name as ResourceName, id);
    }
    if (!this.autoInspect || !route) return;
    const once = (kind: string, message: string, rule: string) => {
      const key = `${result.id}|${route.operationId}|${kind}`;
      if (this.seen.has(key)) return;
      this.seen.add(key);
      this.fail(message, ex, rule);
    };
    const label = `${ex.request.method.toUpperCase()} ${route.path}`;
    if (ex.status >= 500) {
      once('5xx', `${label} answered ${ex.status}`, RULES.no5xx);
      return;
    }
    if (ex.status >= 400) {
      if (!/^application\/problem\+json\b/i.test(ex.contentType ?? '')) {
        once(
          'problem-type',
          `${label}: the ${ex.status} is ${ex.contentType ?? 'without a content type'}, not application/problem+json`,
          RULES.problemJson,
        );
      } else {
        const bad = checkComponent('Problem', ex.body);
        if (bad !== null)
          once('problem-schema', `${label}: the ${ex.status} is not a Problem: ${bad}`, RULES.problemJson);
      }
      return;
    }
    if (ex.status < 200 || ex.status >= 300) return;
    const declared = route.responses[ex.status];
    if (!declared) {
      once(
        'status',
        `${label} answered ${ex.status}; the contract documents ${Object.keys(route.responses).join(', ')}`,
        RULES.schema,
      );
      return;
    }
    if (declared.headers?.includes('ETag') && this.has('etags') && !ex.headers.get('etag')) {
      once('etag', `${label} answered ${ex.status} without an ETag header`, RULES.etag);
    }
    if (declared.headers?.includes('Location') && !ex.headers.get('location')) {
      once('location', `${label} answered ${ex.status} without a Location header`, RULES.schema);
    }
    const expected = responseSchemaOf(route, ex.status);
    if (expected?.contentType !== 'application/json') return;
    if (!/json/i.test(ex.contentType ?? '')) {
      once(
        'content-type',
        `${label}: the ${ex.status} is ${ex.contentType ?? 'untyped'}, not application/json`,
        RULES.schema,
      );
      return;
    }
    const validate = validatorOf(`${route.operationId}:${ex.status}`, expected.schema);
    if (!validate(ex.body)) {
      once(
        'schema',
        `${label}: the ${ex.status} body does not match the contract: ${describeErrors(validate.errors)}`,
        RULES.schema,
      );
    }
  }

  /**
   * A viewer client of workspace A: `viewerToken`, else a token minted through `POST /v1/embed-tokens` for the
   * caller's user (or the first user) with role viewer. A string explains why there is none.
   */
  viewerApi(): Promise<Api | string> {
    this.viewer ??= (async () => {
      if (this.options.viewerToken) return this.makeApi(this.options.viewerToken);
      let userId = this.me.user?.id;
      if (!userId) {
        const users = await this.api.get('/v1/users?limit=1');
        userId = (users.body as { data?: { id: string }[] } | undefined)?.data?.[0]?.id;
      }
      if (!userId) return 'no --token-viewer was given and no user exists to mint a viewer embed token for';
      const minted = await this.api.post('/v1/embed-tokens', { userId, role: 'viewer' });
      const token = (minted.body as { token?: unknown } | undefined)?.token;
      if (minted.status !== 201 || typeof token !== 'string') {
        return `no --token-viewer was given and POST /v1/embed-tokens answered ${minted.status}`;
      }
      return this.makeApi(token);
    })();
    return this.viewer;
  }
}
