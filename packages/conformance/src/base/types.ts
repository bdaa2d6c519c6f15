import type { CapabilityName } from '@crmkit/spec';

/** A conformance level: **core** (CRUD, lists, errors, auth, schema) or **full** (every optional capability too). */
export type Level = 'core' | 'full';

/** Groups of checks; `--only` selects some of them. */
export const AREAS = [
  'schema',
  'crud',
  'lists',
  'errors',
  'auth',
  'concurrency',
  'idempotency',
  'search',
  'batch',
  'aggregates',
  'events',
  'leads',
  'deals',
  'sla',
  'automation',
  'webhooks',
  'segments',
  'campaigns',
  'inbox',
  'fuzz',
  'rate-limit',
] as const;
export type Area = (typeof AREAS)[number];

/** A `fetch`-compatible function: the global one, or a server's in-process handler. */
export type FetchLike = (input: Request) => Promise<Response>;

/** Options of {@link runConformance}. */
export interface ConformanceOptions {
  /** Base URL of the server, e.g. `http://localhost:4321` (the contract's paths start with `/v1`). */
  baseUrl: string;
  /** An API key or embed token with the admin role in workspace A. */
  token: string;
  /** A token of another workspace (B): enables the workspace isolation checks. */
  tokenOtherWorkspace?: string;
  /** A viewer token of workspace A; minted through `POST /v1/embed-tokens` when omitted. */
  viewerToken?: string;
  /** Run only these areas. */
  only?: readonly Area[];
  /** The level that must be reached for the run to pass (default `full`). */
  level?: Level;
  /** Sends the requests; default: the global `fetch`. */
  fetch?: FetchLike;
  /** Seed of the property-based fuzzing (printed in the report so failures reproduce). Default: random. */
  seed?: number;
  /** Fuzz runs per operation group (default 100). */
  fuzzRuns?: number;
  /** Time budget of all fuzzing together, in milliseconds (default 30 000). */
  timeBudgetMs?: number;
  /** Per-request timeout in milliseconds (default 15 000). */
  requestTimeoutMs?: number;
  /** Keep the records the kit created instead of deleting them at the end. */
  keepData?: boolean;
  /** Called when a check starts and ends (for progress output). */
  onProgress?: (event: { type: 'start' | 'end'; check: CheckResult | CheckInfo }) => void;
}

/** A request as shown in a report. */
export interface RequestSummary {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** A response as shown in a report. */
export interface ResponseSummary {
  status: number;
  contentType: string | null;
  body?: string;
}

/** One violation found by a check. */
export interface Finding {
  message: string;
  /** The rule of the contract that was violated. */
  rule: string;
  request?: RequestSummary;
  response?: ResponseSummary;
}

/** What a check is, independent of its outcome. */
export interface CheckInfo {
  id: string;
  area: Area;
  title: string;
  level: Level;
  /** The optional capability (from `GET /v1/schema`) the check needs; absent: always applies. */
  capability?: CapabilityName;
  /** The contract rule the check verifies. */
  rule: string;
}

/**
 * Outcome of a check. `skip`: could not be verified here (the reason says why) and does not block a level;
 * `unsupported`: the server does not advertise the capability, so the full level is not met.
 */
export type CheckStatus = 'pass' | 'fail' | 'skip' | 'unsupported';

export interface CheckResult extends CheckInfo {
  status: CheckStatus;
  findings: Finding[];
  /** Why the check was skipped or unsupported. */
  reason?: string;
  /** What was verified (resources, cases), for the curious reader. */
  notes: string[];
  durationMs: number;
}

/** The outcome of a run. */
export interface ConformanceReport {
  baseUrl: string;
  startedAt: string;
  durationMs: number;
  seed: number;
  /** The level required by the options. */
  requiredLevel: Level;
  /**
   * The highest level whose checks all pass; `none` when a core check fails. `null` for a partial run (`only`):
   * a level is claimed only when every area was checked.
   */
  levelReached: Level | 'none' | null;
  /** Whether only some areas ran (`only`); such a report claims no level. */
  partial: boolean;
  /**
   * Whether the checks that ran meet `requiredLevel`: none of its level or below fails and, when it is `full`,
   * none is unsupported. For a full run: whether `levelReached` meets `requiredLevel`.
   */
  passed: boolean;
  /** What stands between the reached level and the next one. */
  blockers: { level: Level; checks: string[]; capabilities: CapabilityName[] } | null;
  /** Areas run (all unless `only` was given); see `partial`. */
  areas: Area[];
  capabilities: Record<string, unknown> | null;
  checks: CheckResult[];
  counts: Record<CheckStatus, number>;
  /** Records the kit created but could not delete afterwards. */
  leftoverRecords: number;
  /** HTTP requests sent. */
  requests: number;
}
