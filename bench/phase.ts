/** Times one phase of a run and collects what it cost: wall time, Affise requests, host memory. */
import type { Step } from "../harness/engine";
import type { BenchStack } from "./bench-stack";
import { type RequestStats, summarizeRequests } from "./request-stats";

export interface PhaseOutcome {
  /** Offers whose step failed. */
  failed: number;
  firstError?: string;
  /** The engine stopped the phase at its first error (refresh does), so later offers never ran. */
  aborted?: boolean;
  /** Offers the engine wrote, or in a preview would write: creates, updates, replaces, deletes. */
  writeSteps: number;
  /** Of those, offers whose declaration had not changed. */
  spurious: number;
}

export interface PhaseResult extends PhaseOutcome {
  phase: string;
  offers: number;
  seconds: number;
  requests: RequestStats;
  hostPeakMB: number;
  /** Offers stored in Affise once the phase was over. */
  offersInAffise: number;
}

export async function timePhase(
  stack: BenchStack,
  phase: string,
  offers: number,
  run: () => Promise<PhaseOutcome>,
): Promise<PhaseResult> {
  stack.emulator.clearRequests();
  stack.memory.startPhase();
  const started = performance.now();
  const outcome = await run();
  const seconds = (performance.now() - started) / 1000;
  return {
    phase,
    offers,
    seconds,
    ...outcome,
    requests: summarizeRequests(stack.emulator.requests()),
    hostPeakMB: stack.memory.peakMB(),
    offersInAffise: stack.emulator.offers().length,
  };
}

/** What the engine's steps say: failures, writes, and writes to offers nobody changed. */
export function outcomeOf(steps: Step[], changed: ReadonlySet<string> = new Set()): PhaseOutcome {
  const failed = steps.filter((step) => step.kind === "failed");
  const writes = steps.filter((step) => step.kind !== "same" && step.kind !== "failed");
  return {
    failed: failed.length,
    firstError: failed[0]?.error,
    writeSteps: writes.length,
    spurious: writes.filter(
      (step) => (step.kind === "update" || step.kind === "replace") && !changed.has(step.name),
    ).length,
  };
}
