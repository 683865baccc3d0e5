/** Public types of the emulator's programmatic interface (re-exported by index.ts). */

export interface EmulatorOptions {
  /** Port to listen on; 0 (the default) picks any free port. */
  port?: number;
  /** Interface to bind; defaults to 127.0.0.1. */
  host?: string;
  /** The only API key the emulator accepts. */
  apiKey: string;
  /** SQLite file that keeps offers across restarts; omitted = in memory. */
  dataFile?: string;
  /** Delay added before each API request is handled. */
  latencyMs?: number;
  /** Token-bucket rate limit applied to API requests. */
  rateLimit?: { requestsPerSecond: number; burst?: number; retryAfterHeader?: boolean };
  /** Print one line per request to stderr. */
  log?: boolean;
  /**
   * How this tenant reads codes back: "lower" (payment countries and currencies lower-case, as
   * in Affise's SDK fixtures; the default) or "as-sent" (every code exactly as it was written,
   * as on tenants that answer `USD` / `RU`).
   */
  codeCase?: CodeCase;
  /** Keys of affiliates: they read the affiliate view of offers and are refused admin requests. */
  affiliateApiKeys?: string[];
}

export type CodeCase = "lower" | "as-sent";

/** One API request as the emulator saw it. */
export interface LoggedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Decoded query (PHP brackets), API key parameters removed. */
  query: Record<string, unknown>;
  /** Decoded form body (PHP brackets); {} for GET or a body Affise would not read. */
  body: Record<string, unknown>;
  /** HTTP status sent; 0 if the connection was dropped. */
  status: number;
  /** ISO timestamp of arrival. */
  at: string;
}

export type FailureStatus = 500 | 502 | 429;

export interface RateLimitSettings {
  requestsPerSecond: number;
  burst: number;
  retryAfterHeader: boolean;
}

/** Faults injected into API requests (never into /__emulator/*). */
export interface FaultSettings {
  latencyMs: number;
  /** The next `count` API requests fail with `status` before doing anything. */
  failNext: { count: number; status: FailureStatus };
  /**
   * Intermittent failures: each API request fails with probability `ratio`, with one of `statuses`
   * (in turn). A seeded generator makes a run repeatable for the same order of requests.
   */
  intermittent: { ratio: number; statuses: FailureStatus[]; seed: number } | null;
  rateLimit: RateLimitSettings | null;
  /**
   * The next `count` creates are slow inside Affise: each waits `delayMs` before it is stored and
   * answered, so a client with a shorter timeout gives up on a create that still lands.
   */
  slowCreates: { count: number; delayMs: number };
  /** The next N creates are stored, then the socket is destroyed with no response. */
  dropAfterCommit: number;
  /** The next N edits are stored, then the socket is destroyed with no response. */
  dropEditAfterCommit: number;
  /**
   * API requests whose path starts with `pathPrefix` get a 404 that is not Affise's own answer
   * (an nginx page, a bare text line, another service's JSON), as a proxy or a wrong base path gives.
   */
  foreignNotFound: { pathPrefix: string; style: ForeignNotFoundStyle } | null;
}

export type ForeignNotFoundStyle = "html" | "text" | "json";

export interface RunningEmulator {
  /** "http://127.0.0.1:<port>" */
  url: string;
  port: number;
  close(): Promise<void>;
  /** API requests only (not /__emulator/*), oldest first. */
  requests(): LoggedRequest[];
  clearRequests(): void;
  faults(): FaultSettings;
  setFaults(patch: Partial<FaultSettings>): void;
  resetFaults(): void;
  /** Every stored (not deleted) offer, any status, in Affise's read model, sorted by id. */
  offers(): Record<string, unknown>[];
}
