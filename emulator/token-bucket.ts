/** A token bucket: `burst` tokens at most, refilled at `ratePerSecond`; one token per request. */
export class TokenBucket {
  private tokens: number;
  private lastRefill: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    now: number = performance.now(),
  ) {
    this.tokens = burst;
    this.lastRefill = now;
  }

  /** Takes a token, or says how many milliseconds until one is available. */
  take(now: number = performance.now()): { ok: true } | { ok: false; retryAfterMs: number } {
    this.tokens = Math.min(
      this.burst,
      this.tokens + ((now - this.lastRefill) / 1000) * this.ratePerSecond,
    );
    this.lastRefill = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: ((1 - this.tokens) / this.ratePerSecond) * 1000 };
  }
}
