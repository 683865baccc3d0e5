/**
 * How long the provider is willing to wait, and what it says when it stops. Two waits could
 * otherwise be silent and long: Affise asking (429 Retry-After) for more than a run should sit
 * through, and an account that has never answered (wrong apiUrl, down, firewalled) being retried
 * with full timeouts. Both end in an error that names the account and the wait.
 */
import { withoutCredentials } from "../url-rules";

export interface PatienceSettings {
  apiUrl: string;
  timeoutMs: number;
  /** The longest Retry-After (or throttle pause) honoured; a longer one fails at once. */
  maxWaitSeconds: number;
  /** How long an account that has not answered once in this process is tried before giving up. */
  unreachableAfterMs: number;
}

/** Accounts that have answered at least once (any HTTP status) in this process. */
const answered = new Set<string>();

export function markAnswered(apiUrl: string): void {
  answered.add(apiUrl);
}

export function hasAnswered(apiUrl: string): boolean {
  return answered.has(apiUrl);
}

/** Until an account has answered, one attempt may not use more than half the budget. */
export function attemptTimeout(settings: PatienceSettings): number {
  if (hasAnswered(settings.apiUrl)) return settings.timeoutMs;
  return Math.max(1, Math.min(settings.timeoutMs, Math.floor(settings.unreachableAfterMs / 2)));
}

/**
 * Whether a failure without an answer may be retried: always once the account has answered;
 * before that, only while the next attempt (after its pause, jitter included) still starts
 * within the budget.
 */
export function mayRetryWithoutAnswer(
  settings: PatienceSettings,
  startedAt: number,
  nextDelayMs: number,
  now: number,
): boolean {
  if (hasAnswered(settings.apiUrl)) return true;
  return now - startedAt + nextDelayMs * 1.2 < settings.unreachableAfterMs;
}

/** Thrown instead of sending while Affise has asked for a pause longer than the provider waits. */
export class LongWaitError extends Error {
  constructor(readonly until: number) {
    super("Affise asked for a long pause");
    this.name = "LongWaitError";
  }
}

export function longWaitMessage(settings: PatienceSettings, waitMs: number, now: number): string {
  const seconds = Math.ceil(waitMs / 1000);
  return (
    `Affise at ${withoutCredentials(settings.apiUrl)} asked to wait ${seconds} s before the next ` +
    `request (429 Retry-After), longer than the ${settings.maxWaitSeconds} s the provider waits ` +
    `(affise:maxWaitSeconds); nothing more is sent to this account in this run. Run again after ` +
    `${new Date(now + waitMs).toISOString()}`
  );
}

export function unreachableMessage(settings: PatienceSettings, cause: string): string {
  return (
    `Affise at ${withoutCredentials(settings.apiUrl)} did not answer (${cause}) within ` +
    `${settings.unreachableAfterMs / 1000} s (affise:unreachableAfterMs); check affise:apiUrl and ` +
    "the network"
  );
}
