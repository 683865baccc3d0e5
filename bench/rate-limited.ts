/**
 * Creating every offer against an emulator that allows R requests per second (a token bucket with
 * one second's burst, 429 past it, no Retry-After: Affise publishes none). How close each client
 * gets to R, how many 429s it meets, how many of those it retries to success, and what fails.
 */
import type { Declared } from "../harness/engine";
import { startBenchStack } from "./bench-stack";
import { outcomeOf, type PhaseResult, timePhase } from "./phase";

export interface RateLimitedRun {
  label: string;
  limit: number;
  /** affise:maxRequestsPerSecond, for a client that has one. */
  clientRate?: number;
  phase: PhaseResult;
  /** Accepted requests per second of wall time. */
  achievedRate: number;
  fractionOfLimit: number;
  /** Offers stored in Affise more than once. */
  duplicates: number;
}

export async function runRateLimited(options: {
  label: string;
  type: string;
  limit: number;
  parallel: number;
  clientRate?: number;
  /** Declares the offers for a stack whose emulator listens at `apiUrl`. */
  declare: (apiUrl: string) => Promise<Declared[]>;
}): Promise<RateLimitedRun> {
  const stack = await startBenchStack({
    type: options.type,
    parallel: options.parallel,
    emulator: { rateLimit: { requestsPerSecond: options.limit } },
    config:
      options.clientRate === undefined
        ? {}
        : { "affise:maxRequestsPerSecond": String(options.clientRate) },
  });
  try {
    const declared = await options.declare(stack.emulator.url);
    const phase = await timePhase(stack, "create", declared.length, async () =>
      outcomeOf(await stack.engine.up(declared)),
    );
    const titles = stack.emulator.offers().map((offer) => String(offer.title));
    const achievedRate = phase.requests.accepted / phase.seconds;
    return {
      label: options.label,
      limit: options.limit,
      clientRate: options.clientRate,
      phase,
      achievedRate,
      fractionOfLimit: achievedRate / options.limit,
      duplicates: titles.length - new Set(titles).size,
    };
  } finally {
    await stack.stop();
  }
}
