/**
 * The real-CLI runs of `npm run bench -- --cli`. affise.Offer's create at the first size as Pulumi
 * runs it by default (the whole state written after every step), then its whole lifecycle with
 * PULUMI_SKIP_CHECKPOINTS (written once, at the end): the difference is what the checkpoints
 * cost. The naive provider without checkpoints and without a limit (it has no throttle, so under
 * one its runs would be mostly failures), and its create once under the limit to show those
 * failures. Last, affise.Offer at the larger sizes, without checkpoints (with them, the cost grows
 * with the square of the stack: hours at 5,000 here). The set is saved after every run, so a run
 * stopped early still reports what it measured and names what it did not.
 */
import { execFileSync } from "child_process";
import type { PulumiCli } from "../../scripts/pulumi/provision";
import type { BenchOptions } from "../options";
import {
  type CliPhaseName,
  type CliRun,
  type CliRunOptions,
  runCliLifecycle,
} from "./cli-lifecycle";

/**
 * At the larger sizes: what grows with the stack (every command runs the program, and the engine
 * steps through every offer) without the lifecycle's every command, which would not fit in a run.
 */
const LARGER_PHASES: CliPhaseName[] = ["create", "preview"];

export interface CliSet {
  /** `pulumi version`. */
  version: string;
  runs: CliRun[];
  /** Runs planned but not measured (the bench was stopped first). */
  pending: string[];
}

type Planned = Omit<CliRunOptions, "progress">;

function plan(options: BenchOptions): Planned[] {
  const [first, ...larger] = options.cliSizes;
  const affise = (n: number, skipCheckpoints: boolean, phases?: CliPhaseName[]): Planned => ({
    label: "affise.Offer",
    kind: "affise",
    n,
    limit: options.rate,
    clientRate: options.rate,
    skipCheckpoints,
    phases,
  });
  const naive = options.skipNaive
    ? []
    : [
        ...options.cliNaiveSizes.map((n): Planned => ({
          label: "naive",
          kind: "naive",
          n,
          skipCheckpoints: true,
        })),
        {
          label: "naive",
          kind: "naive",
          n: options.cliNaiveSizes[0] ?? first,
          limit: options.rate,
          skipCheckpoints: true,
          phases: ["create"],
        } satisfies Planned,
      ];
  return [
    affise(first, false, ["create"]),
    affise(first, true),
    ...naive,
    ...larger.map((n) => affise(n, true, LARGER_PHASES)),
  ];
}

export function describePlanned(run: Planned): string {
  const limit = run.limit ? `at ${run.limit} req/s` : "without a limit";
  const checkpoints = run.skipCheckpoints ? "without checkpoints" : "with checkpoints";
  const phases = (run.phases ?? ["the lifecycle"]).join(", ");
  return `${run.label}, ${run.n} offers ${limit}, ${checkpoints}: ${phases}`;
}

export async function runCliSet(
  cli: PulumiCli,
  options: BenchOptions,
  progress: (message: string) => void,
  saved: (set: CliSet) => void,
): Promise<CliSet> {
  const version = execFileSync(cli.cli, ["version"], { encoding: "utf8" }).trim();
  const planned = plan(options);
  const set: CliSet = { version, runs: [], pending: planned.map(describePlanned) };
  saved(set);
  for (const run of planned) {
    set.runs.push(await runCliLifecycle(cli, { ...run, progress }));
    set.pending.shift();
    saved(set);
  }
  return set;
}
