/**
 * One throttle per Affise tenant per provider process, shared by every offer: at most
 * `maxConcurrency` requests in flight, their starts spaced to at most `maxRequestsPerSecond`.
 * Affise publishes no limits, so the rate adapts (AIMD): a 429 halves it, at most once a second,
 * and holds every queued request until Retry-After (or a short cool-down) has passed; each success
 * adds it back slowly, up to the configured maximum. A request that may start now starts in the
 * same turn (no timer), so the throttle costs nothing until the limit is reached.
 */
import { LongWaitError } from "./patience";

export interface ThrottleSettings {
  maxConcurrency: number;
  maxRequestsPerSecond: number;
}

/** Time as the throttle sees it; tests drive it by hand. */
export interface ThrottleClock {
  now(): number;
  /** Calls `wake` after `ms`; the returned function cancels it. */
  after(ms: number, wake: () => void): () => void;
}

export const systemClock: ThrottleClock = {
  now: () => Date.now(),
  after: (ms, wake) => {
    const timer = setTimeout(wake, ms);
    return () => clearTimeout(timer);
  },
};

const MIN_RATE = 0.5;
const DECREASE_INTERVAL_MS = 1000;

interface Waiting {
  start: () => void;
  fail: (error: unknown) => void;
}

export class TenantThrottle {
  private rate: number;
  private lastDecrease = -Infinity;
  private pausedUntil = 0;
  private blockedUntil = 0;
  private lastStart = -Infinity;
  private running = 0;
  private readonly queue: Waiting[] = [];
  private wakeAt = Infinity;
  private cancelWake?: () => void;

  constructor(
    private readonly settings: ThrottleSettings,
    private readonly clock: ThrottleClock = systemClock,
  ) {
    this.rate = settings.maxRequestsPerSecond;
  }

  /** The current request rate it allows (requests per second). */
  get currentRate(): number {
    return this.rate;
  }

  /** Requests waiting for their turn (not yet sent). */
  get queued(): number {
    return this.queue.length;
  }

  schedule<T>(send: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.running += 1;
        let sent: Promise<T>;
        try {
          sent = send();
        } catch (error) {
          sent = Promise.reject(error);
        }
        sent.then(resolve, reject).finally(() => {
          this.running -= 1;
          this.dispatch();
        });
      };
      this.queue.push({ start, fail: reject });
      this.dispatch();
    });
  }

  /**
   * Affise said 429: slow everyone down, and hold the queue for `retryAfterMs` if it said so. A
   * pause longer than `maxWaitMs` is not waited out: every request fails at once until it is over.
   */
  throttled(retryAfterMs?: number, maxWaitMs = Infinity): void {
    const now = this.clock.now();
    if (retryAfterMs !== undefined && retryAfterMs > maxWaitMs) {
      this.blockedUntil = Math.max(this.blockedUntil, now + retryAfterMs);
      this.dispatch();
      return;
    }
    if (now - this.lastDecrease >= DECREASE_INTERVAL_MS) {
      this.lastDecrease = now;
      this.rate = Math.max(MIN_RATE, this.rate / 2);
    }
    const coolDown = retryAfterMs ?? 2 * this.spacing();
    this.pausedUntil = Math.max(this.pausedUntil, now + coolDown);
  }

  /** A request went through: win back about one request per second, per second. */
  succeeded(): void {
    if (this.rate < this.settings.maxRequestsPerSecond) {
      this.rate = Math.min(this.settings.maxRequestsPerSecond, this.rate + 1 / this.rate);
    }
  }

  /** Starts every waiting request whose turn has come; wakes itself for the next one. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      const now = this.clock.now();
      if (this.blockedUntil > now) {
        for (const waiting of this.queue.splice(0)) {
          waiting.fail(new LongWaitError(this.blockedUntil));
        }
        return;
      }
      if (this.running >= this.settings.maxConcurrency) return;
      const turn = Math.max(this.lastStart + this.spacing(), this.pausedUntil);
      if (turn > now) {
        this.wakeUpAt(turn);
        return;
      }
      this.lastStart = now;
      this.queue.shift()!.start();
    }
  }

  private wakeUpAt(time: number): void {
    if (this.cancelWake && this.wakeAt <= time) return;
    this.cancelWake?.();
    this.wakeAt = time;
    this.cancelWake = this.clock.after(time - this.clock.now(), () => {
      this.cancelWake = undefined;
      this.wakeAt = Infinity;
      this.dispatch();
    });
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
