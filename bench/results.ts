/** Everything one run measured: what the report and BENCHMARKS.md are rendered from. */
import type { CliSet } from "./cli/cli-set";
import type { ClientOverhead } from "./client-overhead";
import type { HookCpu } from "./hook-cpu";
import type { Latency } from "./latency";
import type { LifecycleResult } from "./lifecycle";
import type { Machine } from "./machine";
import type { BenchOptions } from "./options";
import type { RateLimitedRun } from "./rate-limited";
import type { Revision } from "./revision";

export interface ProviderRun {
  lifecycle: LifecycleResult;
  /** The host's resident memory once started and configured, before any offer (MB). */
  hostIdleMB: number;
  cpu?: HookCpu;
}

/** A run whose hooks were also measured in process. */
export type MeasuredRun = ProviderRun & { cpu: HookCpu };

export interface BenchResults {
  command: string;
  finishedAt: string;
  /** Wall time of the whole run. */
  seconds: number;
  options: BenchOptions;
  machine: Machine;
  revision: Revision;
  /** Stack config affise.Offer ran the lifecycle with (besides URL and key). */
  lifecycleConfig: Record<string, string>;
  changedOffers: number;
  ours: MeasuredRun;
  /** affise.Offer again, its host's old generation capped: how much of its RSS is uncollected garbage. */
  oursHeapCapped?: ProviderRun & { heapCapMB: number };
  naive?: MeasuredRun;
  naiveHeapCapped?: ProviderRun & { heapCapMB: number };
  latency: Latency;
  clientOverhead: ClientOverhead;
  rateLimited: RateLimitedRun[];
  /** The real Pulumi CLI's runs (`--cli`). */
  cli?: CliSet;
}
