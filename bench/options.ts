/** `npm run bench -- [options]`: what to run, how big, and whether to rewrite BENCHMARKS.md. */

export interface BenchOptions {
  /** Offers declared (default 1,000). */
  n: number;
  /** Resources in flight at once, as `pulumi up --parallel`. */
  parallel: number;
  /** The rate-limited run's limit R, in requests per second. */
  rate: number;
  /** Offers created in the rate-limited runs (default: n). */
  rateN: number;
  /** The second rate-limited run configures the client at this multiple of R. */
  overRate: number;
  /** Timed rounds of check+diff over every offer, in process. */
  cpuRounds: number;
  skipNaive: boolean;
  skipRateLimited: boolean;
  /** Rewrite BENCHMARKS.md with this run's figures. */
  write: boolean;
  /** Also run the real Pulumi CLI: affise.Offer at each of `cliSizes`, naive at each of `cliNaiveSizes`. */
  cli: boolean;
  cliSizes: number[];
  cliNaiveSizes: number[];
  /** Render the last run's saved figures (.bench/results.json) again instead of measuring. */
  render: boolean;
  /** Render the figures BENCHMARKS.md was published with (bench/published-results.json) again. */
  renderPublished: boolean;
}

const USAGE = `usage: npm run bench -- [options]
  --n <offers>          offers declared (default 1000)
  --parallel <n>        resources in flight, as pulumi up --parallel (default 10)
  --rate <r>            the rate-limited run's limit in requests/second (default 20)
  --rate-n <offers>     offers created in the rate-limited runs (default: --n)
  --over-rate <x>       second rate-limited run: client configured at x times the limit (default 2)
  --cpu-rounds <n>      timed in-process rounds of check+diff over all offers (default 20)
  --skip-naive          leave out the naive counter-example provider
  --skip-rate-limited   leave out the rate-limited runs
  --cli                 also run the real Pulumi CLI (npm run pulumi:cli builds it) at --rate
  --cli-sizes <list>    offers in the CLI runs of affise.Offer (default 1000,5000)
  --cli-naive-sizes <list>  offers in the CLI runs of the naive provider (default 1000)
  --render              measure nothing: render the last run's figures (.bench/results.json) again
  --render-published    measure nothing: render BENCHMARKS.md's own figures again
                        (bench/published-results.json), after a change to the report's wording
  --write               rewrite BENCHMARKS.md with the results`;

const NUMBER_FLAGS = {
  "--n": "n",
  "--parallel": "parallel",
  "--rate": "rate",
  "--rate-n": "rateN",
  "--over-rate": "overRate",
  "--cpu-rounds": "cpuRounds",
} as const;

const SWITCHES = {
  "--skip-naive": "skipNaive",
  "--skip-rate-limited": "skipRateLimited",
  "--write": "write",
  "--cli": "cli",
  "--render": "render",
  "--render-published": "renderPublished",
} as const;

const LIST_FLAGS = { "--cli-sizes": "cliSizes", "--cli-naive-sizes": "cliNaiveSizes" } as const;

export class UsageError extends Error {
  readonly usage = USAGE;
}

export function parseOptions(argv: string[]): BenchOptions {
  const numbers: Partial<Record<(typeof NUMBER_FLAGS)[keyof typeof NUMBER_FLAGS], number>> = {};
  const switches: Partial<Record<(typeof SWITCHES)[keyof typeof SWITCHES], boolean>> = {};
  const lists: Partial<Record<(typeof LIST_FLAGS)[keyof typeof LIST_FLAGS], number[]>> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--help" || flag === "-h") throw new UsageError("");
    if (flag in SWITCHES) {
      switches[SWITCHES[flag as keyof typeof SWITCHES]] = true;
    } else if (flag in NUMBER_FLAGS) {
      const value = Number(argv[++i]);
      if (!Number.isFinite(value) || value <= 0) {
        throw new UsageError(`${flag} takes a positive number (got "${argv[i] ?? ""}")`);
      }
      numbers[NUMBER_FLAGS[flag as keyof typeof NUMBER_FLAGS]] = value;
    } else if (flag in LIST_FLAGS) {
      const values = (argv[++i] ?? "").split(",").map(Number);
      if (!values.every((value) => Number.isInteger(value) && value > 0)) {
        throw new UsageError(
          `${flag} takes offer counts such as 1000,5000 (got "${argv[i] ?? ""}")`,
        );
      }
      lists[LIST_FLAGS[flag as keyof typeof LIST_FLAGS]] = values;
    } else {
      throw new UsageError(`unknown option "${flag}"`);
    }
  }
  const n = Math.round(numbers.n ?? 1000);
  return {
    n,
    parallel: Math.round(numbers.parallel ?? 10),
    rate: numbers.rate ?? 20,
    rateN: Math.round(numbers.rateN ?? n),
    overRate: numbers.overRate ?? 2,
    cpuRounds: Math.round(numbers.cpuRounds ?? 20),
    skipNaive: switches.skipNaive ?? false,
    skipRateLimited: switches.skipRateLimited ?? false,
    write: switches.write ?? false,
    cli: switches.cli ?? false,
    cliSizes: lists.cliSizes ?? [1000, 5000],
    cliNaiveSizes: lists.cliNaiveSizes ?? [1000],
    render: switches.render ?? false,
    renderPublished: switches.renderPublished ?? false,
  };
}

/** The command that reproduces a run with these options. */
export function commandFor(argv: string[]): string {
  return ["npm run bench", ...(argv.length > 0 ? ["--", ...argv] : [])].join(" ");
}
