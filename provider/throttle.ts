/**
 * One throttle per Affise tenant per provider process, shared by every offer: at most
 * `maxConcurrency` requests in flight, spaced to at most `maxRequestsPerSecond`. Affise publishes no
 * limits, so the rate adapts (AIMD): a 429 halves it, at most once a second, and pauses every queued
 * request until Retry-After (or a short cool-down) has passed; each success adds it back slowly, up
 * to the configured maximum. Bottleneck does the queueing and spacing.
 */
import Bottleneck from "bottleneck";
import { LongWaitError } from "./patience";

export interface ThrottleSettings {
  maxConcurrency: number;
  maxRequestsPerSecond: number;
}

const MIN_RATE = 0.5;
const DECREASE_INTERVAL_MS = 1000;

export class TenantThrottle {
  private readonly limiter: Bottleneck;
  private rate: number;
  private lastDecrease = 0;
  private pausedUntil = 0;
  private blockedUntil = 0;

  constructor(private readonly settings: ThrottleSettings) {
    this.rate = settings.maxRequestsPerSecond;
    this.limiter = new Bottleneck({
      maxConcurrent: settings.maxConcurrency,
      minTime: this.spacing(),
    });
  }

  /** The current request rate it allows (requests per second). */
  get currentRate(): number {
    return this.rate;
  }

  schedule<T>(send: () => Promise<T>): Promise<T> {
    return this.limiter.schedule(async () => {
      if (this.blockedUntil > Date.now()) throw new LongWaitError(this.blockedUntil);
      const wait = this.pausedUntil - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      return send();
    });
  }

  /**
   * Affise said 429: slow everyone down, and hold the queue for `retryAfterMs` if it said so. A
   * pause longer than `maxWaitMs` is not waited out: every request fails at once until it is over.
   */
  throttled(retryAfterMs?: number, maxWaitMs = Infinity): void {
    const now = Date.now();
    if (retryAfterMs !== undefined && retryAfterMs > maxWaitMs) {
      this.blockedUntil = Math.max(this.blockedUntil, now + retryAfterMs);
      return;
    }
    if (now - this.lastDecrease >= DECREASE_INTERVAL_MS) {
      this.lastDecrease = now;
      this.setRate(Math.max(MIN_RATE, this.rate / 2));
    }
    const coolDown = retryAfterMs ?? 2 * this.spacing();
    this.pausedUntil = Math.max(this.pausedUntil, now + coolDown);
  }

  /** A request went through: win back about one request per second, per second. */
  succeeded(): void {
    if (this.rate < this.settings.maxRequestsPerSecond) {
      this.setRate(Math.min(this.settings.maxRequestsPerSecond, this.rate + 1 / this.rate));
    }
  }

  private setRate(rate: number): void {
    this.rate = rate;
    this.limiter.updateSettings({ minTime: this.spacing() });
  }

  private spacing(): number {
    return Math.ceil(1000 / this.rate);
  }
}

const throttles = new Map<string, TenantThrottle>();

/** The process-wide throttle for a tenant (and its settings). */
export function throttleFor(apiUrl: string, settings: ThrottleSettings): TenantThrottle {
  const key = [apiUrl, settings.maxConcurrency, settings.maxRequestsPerSecond].join("|");
  let throttle = throttles.get(key);
  if (!throttle) {
    throttle = new TenantThrottle(settings);
    throttles.set(key, throttle);
  }
  return throttle;
}
