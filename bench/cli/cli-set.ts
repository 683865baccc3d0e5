/**
 * The real-CLI runs of `npm run bench -- --cli`. affise.Offer's create at the first size as Pulumi
 * runs it by default (the whole state written after every step), then its whole lifecycle at
 * every size with PULUMI_SKIP_CHECKPOINTS (written once, at the end): the difference is what the
 * checkpoints cost, and without them the larger sizes fit in a run (with them, the cost grows
 * with the square of the stack: hours at 5,000 here). Its client is configured at the emulator's limit. The naive provider without
 * checkpoints and without a limit (it has no throttle, so under one its runs would be mostly
 * failures), and its create once under the limit to show those failures.
 */
import { execFileSync } from "child_process";
import type { PulumiCli } from "../../scripts/pulumi/provision";
import type { BenchOptions } from "../options";
import { type CliPhaseName, type CliRun, runCliLifecycle } from "./cli-lifecycle";

/**
 * At the larger sizes: what grows with the stack (every command runs the program, and the engine
 * steps through every offer) without the lifecycle's every command, which would not fit in a run.
 */
const LARGER_PHASES: CliPhaseName[] = ["create", "preview", "destroy"];

export interface CliSet {
  /** `pulumi version`. */
  version: string;
  runs: CliRun[];
}

export async function runCliSet(
  cli: PulumiCli,
  options: BenchOptions,
  progress: (message: string) => void,
): Promise<CliSet> {
  const version = execFileSync(cli.cli, ["version"], { encoding: "utf8" }).trim();
  const runs: CliRun[] = [];
  const [first, ...larger] = options.cliSizes;
  const affise = (n: number, skipCheckpoints: boolean, phases?: CliPhaseName[]) =>
    runCliLifecycle(cli, {
      label: "affise.Offer",
      kind: "affise",
      n,
      limit: options.rate,
      clientRate: options.rate,
      skipCheckpoints,
      phases,
      progress,
    });
  runs.push(await affise(first, false, ["create"]));
  runs.push(await affise(first, true));
  for (const n of larger) runs.push(await affise(n, true, LARGER_PHASES));
  if (!options.skipNaive) {
    for (const n of options.cliNaiveSizes) {
      runs.push(
        await runCliLifecycle(cli, {
          label: "naive",
          kind: "naive",
          n,
          skipCheckpoints: true,
          progress,
        }),
      );
    }
    runs.push(
      await runCliLifecycle(cli, {
        label: "naive",
        kind: "naive",
        n: options.cliNaiveSizes[0] ?? first,
        limit: options.rate,
        skipCheckpoints: true,
        phases: ["create"],
        progress,
      }),
    );
  }
  return { version, runs };
}
