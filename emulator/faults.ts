import { FOREIGN_NOT_FOUND_STYLES } from "./http/foreign-pages";
import { TokenBucket } from "./token-bucket";
import type {
  FailureStatus,
  FaultSettings,
  ForeignNotFoundStyle,
  RateLimitSettings,
} from "./types";

/** What the emulator answers instead of handling a request. */
export interface Rejection {
  status: FailureStatus;
  retryAfterSeconds?: number;
}

const FAILURE_STATUSES: readonly number[] = [500, 502, 429];

/** Fault injection for API requests; settings can change at any time during a run. */
export class FaultController {
  private current: FaultSettings;
  private bucket: TokenBucket | null = null;
  private random: () => number = () => 1;
  private intermittentFailures = 0;

  constructor(private readonly baseline: FaultSettings) {
    this.current = structuredClone(baseline);
    this.resetBucket();
  }

  settings(): FaultSettings {
    return structuredClone(this.current);
  }

  /** Applies a partial change; throws (changing nothing) if any part of it is invalid. */
  patch(patch: Partial<FaultSettings>): void {
    const next = { ...this.current, ...validatePatch(patch) };
    const rateChanged = "rateLimit" in patch;
    this.current = next;
    if (rateChanged) this.resetBucket();
    if ("intermittent" in patch) this.resetRandom();
  }

  /** Back to the settings the emulator was started with. */
  reset(): void {
    this.current = structuredClone(this.baseline);
    this.resetBucket();
    this.resetRandom();
  }

  /** Rate limit first (it sits at the edge), then a queued failure. */
  admit(): Rejection | null {
    if (this.bucket && this.current.rateLimit) {
      const taken = this.bucket.take();
      if (!taken.ok) {
        return {
          status: 429,
          retryAfterSeconds: this.current.rateLimit.retryAfterHeader
            ? Math.max(1, Math.ceil(taken.retryAfterMs / 1000))
            : undefined,
        };
      }
    }
    if (this.current.failNext.count > 0) {
      this.current.failNext = { ...this.current.failNext, count: this.current.failNext.count - 1 };
      return { status: this.current.failNext.status };
    }
    const intermittent = this.current.intermittent;
    if (intermittent && this.random() < intermittent.ratio) {
      const { statuses } = intermittent;
      return { status: statuses[this.intermittentFailures++ % statuses.length] };
    }
    return null;
  }

  get latencyMs(): number {
    return this.current.latencyMs;
  }

  /** How long this create should take inside Affise before it commits (0: no delay); counts it off. */
  takeSlowCreate(): number {
    const slow = this.current.slowCreates;
    if (slow.count <= 0) return 0;
    this.current.slowCreates = { ...slow, count: slow.count - 1 };
    return slow.delayMs;
  }

  /** The foreign 404 page to answer a request for `path` with, if one is set for it. */
  foreignNotFoundFor(path: string): ForeignNotFoundStyle | undefined {
    const page = this.current.foreignNotFound;
    return page && path.startsWith(page.pathPrefix) ? page.style : undefined;
  }

  /** True if this committed create should lose its response (and counts it off). */
  takeDropAfterCommit(): boolean {
    if (this.current.dropAfterCommit <= 0) return false;
    this.current.dropAfterCommit -= 1;
    return true;
  }

  /** True if this committed edit should lose its response (and counts it off). */
  takeDropEditAfterCommit(): boolean {
    if (this.current.dropEditAfterCommit <= 0) return false;
    this.current.dropEditAfterCommit -= 1;
    return true;
  }

  private resetRandom(): void {
    this.random = mulberry32(this.current.intermittent?.seed ?? 1);
    this.intermittentFailures = 0;
  }

  private resetBucket(): void {
    const limit = this.current.rateLimit;
    this.bucket = limit ? new TokenBucket(limit.requestsPerSecond, limit.burst) : null;
  }
}

export function noFaults(): FaultSettings {
  return {
    latencyMs: 0,
    failNext: { count: 0, status: 500 },
    intermittent: null,
    slowCreates: { count: 0, delayMs: 0 },
    rateLimit: null,
    dropAfterCommit: 0,
    dropEditAfterCommit: 0,
    foreignNotFound: null,
  };
}

/** Fills in a rate limit's optional parts: burst defaults to one second's worth of requests. */
export function completeRateLimit(limit: {
  requestsPerSecond: number;
  burst?: number;
  retryAfterHeader?: boolean;
}): RateLimitSettings {
  return {
    requestsPerSecond: limit.requestsPerSecond,
    burst: limit.burst ?? Math.max(1, Math.ceil(limit.requestsPerSecond)),
    retryAfterHeader: limit.retryAfterHeader ?? false,
  };
}

function validatePatch(patch: Partial<FaultSettings>): Partial<FaultSettings> {
  const valid: Partial<FaultSettings> = {};
  if (patch.latencyMs !== undefined) valid.latencyMs = nonNegative(patch.latencyMs, "latencyMs");
  if (patch.dropAfterCommit !== undefined) {
    valid.dropAfterCommit = nonNegative(patch.dropAfterCommit, "dropAfterCommit");
  }
  if (patch.dropEditAfterCommit !== undefined) {
    valid.dropEditAfterCommit = nonNegative(patch.dropEditAfterCommit, "dropEditAfterCommit");
  }
  if (patch.failNext !== undefined) {
    const { count, status = 500 } = patch.failNext;
    if (!FAILURE_STATUSES.includes(status))
      throw new Error("failNext.status must be 500, 502 or 429");
    valid.failNext = { count: nonNegative(count, "failNext.count"), status };
  }
  if (patch.slowCreates !== undefined) {
    valid.slowCreates = {
      count: nonNegative(patch.slowCreates.count, "slowCreates.count"),
      delayMs: nonNegative(patch.slowCreates.delayMs, "slowCreates.delayMs"),
    };
  }
  if (patch.foreignNotFound !== undefined) {
    const page = patch.foreignNotFound;
    if (
      page !== null &&
      (typeof page.pathPrefix !== "string" ||
        !page.pathPrefix.startsWith("/") ||
        !FOREIGN_NOT_FOUND_STYLES.includes(page.style))
    ) {
      throw new Error(
        `foreignNotFound needs a pathPrefix starting with / and a style: ${FOREIGN_NOT_FOUND_STYLES.join(", ")}`,
      );
    }
    valid.foreignNotFound = page && { pathPrefix: page.pathPrefix, style: page.style };
  }
  if (patch.intermittent !== undefined) {
    if (patch.intermittent === null) {
      valid.intermittent = null;
    } else {
      const { ratio, statuses = [500], seed = 1 } = patch.intermittent;
      if (!(typeof ratio === "number" && ratio >= 0 && ratio <= 1)) {
        throw new Error("intermittent.ratio must be a number from 0 to 1");
      }
      if (statuses.length === 0 || statuses.some((s) => !FAILURE_STATUSES.includes(s))) {
        throw new Error("intermittent.statuses must list 500, 502 or 429");
      }
      valid.intermittent = { ratio, statuses: [...statuses], seed: Math.floor(Number(seed)) || 1 };
    }
  }
  if (patch.rateLimit !== undefined) {
    if (patch.rateLimit === null) {
      valid.rateLimit = null;
    } else {
      const limit = completeRateLimit(patch.rateLimit);
      if (!(limit.requestsPerSecond > 0))
        throw new Error("rateLimit.requestsPerSecond must be > 0");
      if (!(limit.burst >= 1)) throw new Error("rateLimit.burst must be >= 1");
      valid.rateLimit = limit;
    }
  }
  return valid;
}

function nonNegative(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new Error(`${name} must be a non-negative number`);
  }
  return Math.floor(value);
}

/** A small seeded PRNG (mulberry32): repeatable fault patterns without phase-locking to a client. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
