/**
 * The real-CLI runs of `npm run bench -- --cli`: affise.Offer at each size under the rate limit
 * (its client configured at the limit), the naive provider at each of its sizes without one (it
 * has no throttle, so under a limit its runs would be mostly failures), and the naive create once
 * under the limit to show those failures.
 */
import { execFileSync } from "child_process";
import type { PulumiCli } from "../../scripts/pulumi/provision";
import type { BenchOptions } from "../options";
import { type CliRun, runCliLifecycle } from "./cli-lifecycle";

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
  for (const n of options.cliSizes) {
    runs.push(
      await runCliLifecycle(cli, {
        label: "affise.Offer",
        kind: "affise",
        n,
        limit: options.rate,
        clientRate: options.rate,
        progress,
      }),
    );
  }
  if (!options.skipNaive) {
    for (const n of options.cliNaiveSizes) {
      runs.push(await runCliLifecycle(cli, { label: "naive", kind: "naive", n, progress }));
    }
    const n = options.cliNaiveSizes[0] ?? options.n;
    runs.push(
      await runCliLifecycle(cli, {
        label: "naive",
        kind: "naive",
        n,
        limit: options.rate,
        phases: ["create"],
        progress,
      }),
    );
  }
  return { version, runs };
}
