/**
 * `npm run bench`: N offers through Pulumi's own dynamic-provider host over
 * gRPC against the emulator — create, no-op preview, update 1 %, refresh, delete — for affise.Offer
 * and, side by side, the naive counter-example; then creates under a rate limit. Prints the figures
 * as Markdown; `--write` also rewrites BENCHMARKS.md. A report, not a test: it never fails on a
 * missed target, it says by how much.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type * as pulumi from "@pulumi/pulumi";
import * as prettier from "prettier";
import { findUsablePulumiCli } from "../scripts/pulumi/provision";
import { BENCH_API_KEY } from "./bench-stack";
import { runCliSet } from "./cli/cli-set";
import { measureClientOverhead } from "./client-overhead";
import { measureLatency } from "./latency";
import { describeMachine } from "./machine";
import { type BenchOptions, commandFor, parseOptions, UsageError } from "./options";
import { type ProviderUnderTest, runProvider } from "./provider-run";
import { BENCHMARKS_FILE, readPublishedResults, writeBenchmarks } from "./published-results";
import { runRateLimited } from "./rate-limited";
import { renderReport } from "./report";
import type { BenchResults, MeasuredRun } from "./results";
import { describeRevision } from "./revision";
import {
  type BenchOffer,
  benchOffers,
  changeOnePercent,
  declareAffiseOffers,
  declareNaiveOffers,
  naiveProviderFor,
} from "./workload";

const ROOT = path.resolve(__dirname, "..");
const AFFISE_TYPE = "pulumi-nodejs:dynamic/affise:Offer";
const NAIVE_TYPE = "pulumi-nodejs:dynamic/naive:Offer";

/**
 * With no limit in the emulator, the client's own (default 10 requests/second) is lifted, so the
 * lifecycle shows what the provider itself costs; the rate-limited runs show the throttle.
 */
const LIFECYCLE_CONFIG = { "affise:maxRequestsPerSecond": "1000" };

/** The old-generation cap of the extra run that tells live memory from uncollected garbage. */
const HEAP_CAP_MB = 64;

const started = performance.now();
const loadAtStart = os.loadavg()[0];
const progress = (message: string) =>
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${message}\n`);

/** Every figure of the last run, kept so that a report can be rendered again (`--render`). */
const RESULTS_FILE = path.join(ROOT, ".bench", "results.json");

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options = parseOptions(argv);
  if (options.render) {
    const saved = JSON.parse(fs.readFileSync(RESULTS_FILE, "utf8")) as BenchResults;
    return publish(saved, options.write);
  }
  if (options.renderPublished) return publish(readPublishedResults(), options.write);
  const revision = describeRevision();
  const cli = options.cli ? findUsablePulumiCli(ROOT, process.env) : undefined;
  if (options.cli && !cli) {
    throw new Error(
      "--cli needs the Pulumi CLI: run `npm run pulumi:cli` first (it builds it with Go)",
    );
  }
  const offers = benchOffers(options.n);
  const commit = changeOnePercent(offers);
  const run = (label: string, provider: ProviderUnderTest) => {
    progress(`${label}: ${offers.length} offers, create → preview → update 1 % → refresh → delete`);
    return runProvider(provider, {
      parallel: options.parallel,
      changed: commit.changed,
      cpuRounds: options.cpuRounds,
    });
  };

  const affise = affiseOffer(offers, commit.offers);
  const ours = (await run("affise.Offer", affise)) as MeasuredRun;
  progress("affise.Offer: request latency, client and read hook against plain fetch");
  const latency = await measureLatency(options.n);
  const clientOverhead = await measureClientOverhead(affise.hooks!(""));
  const capped = await run(`affise.Offer, host heap capped at ${HEAP_CAP_MB} MB`, {
    ...affise,
    hooks: undefined,
    hostEnv: { NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MB}` },
  });
  const naive = options.skipNaive
    ? undefined
    : ((await run("naive", naiveOffer(offers, commit.offers))) as MeasuredRun);
  const naiveCapped =
    naive &&
    (await run(`naive, host heap capped at ${HEAP_CAP_MB} MB`, {
      ...naiveOffer(offers, commit.offers),
      hooks: undefined,
      hostEnv: { NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MB}` },
    }));
  const rateLimited = options.skipRateLimited ? [] : await runRateLimitedSet(options);

  const results: BenchResults = {
    command: commandFor(argv),
    finishedAt: "",
    seconds: 0,
    options,
    machine: describeMachine(loadAtStart),
    revision,
    lifecycleConfig: LIFECYCLE_CONFIG,
    changedOffers: commit.changed.size,
    ours,
    oursHeapCapped: { ...capped, heapCapMB: HEAP_CAP_MB },
    naive,
    naiveHeapCapped: naiveCapped && { ...naiveCapped, heapCapMB: HEAP_CAP_MB },
    latency,
    clientOverhead,
    rateLimited,
  };
  // Saved as it grows: a run stopped during the long CLI runs can still be rendered (--render).
  const save = () => {
    results.finishedAt = new Date().toISOString();
    results.seconds = (performance.now() - started) / 1000;
    results.machine = describeMachine(loadAtStart);
    fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    fs.writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2));
  };
  save();
  if (cli) {
    await runCliSet(cli, options, progress, (set) => {
      results.cli = set;
      save();
    });
  }
  await publish(results, options.write);
}

/** Prints the report and, with `write`, stores it as BENCHMARKS.md beside the figures it shows. */
async function publish(results: BenchResults, write: boolean): Promise<void> {
  const report = await prettier.format(renderReport(results), {
    ...(await prettier.resolveConfig(BENCHMARKS_FILE)),
    filepath: BENCHMARKS_FILE,
  });
  process.stdout.write(report);
  if (write) {
    writeBenchmarks(results, report);
    progress("BENCHMARKS.md and bench/published-results.json written");
  }
}

function affiseOffer(offers: BenchOffer[], committed: BenchOffer[]): ProviderUnderTest {
  return {
    type: AFFISE_TYPE,
    config: LIFECYCLE_CONFIG,
    declare: async () => ({
      declared: await declareAffiseOffers(offers),
      committed: await declareAffiseOffers(committed),
    }),
    // The built package, as the provider host loads it.
    hooks: () =>
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require("../dist/provider") as { offerProvider: pulumi.dynamic.ResourceProvider })
        .offerProvider,
  };
}

function naiveOffer(offers: BenchOffer[], committed: BenchOffer[]): ProviderUnderTest {
  const settings = (apiUrl: string) => ({ apiUrl, apiKey: BENCH_API_KEY });
  return {
    type: NAIVE_TYPE,
    config: {},
    declare: async (apiUrl) => ({
      declared: await declareNaiveOffers(offers, settings(apiUrl)),
      committed: await declareNaiveOffers(committed, settings(apiUrl)),
    }),
    hooks: (apiUrl) => naiveProviderFor(settings(apiUrl)),
  };
}

async function runRateLimitedSet(options: BenchOptions) {
  const offers = benchOffers(options.rateN);
  const limit = options.rate;
  const runs = [];
  const declared = await declareAffiseOffers(offers);
  for (const clientRate of [limit, limit * options.overRate]) {
    progress(
      `rate-limited: affise.Offer creates ${offers.length} offers at ${limit} req/s, client at ${clientRate} req/s`,
    );
    runs.push(
      await runRateLimited({
        label: "affise.Offer",
        type: AFFISE_TYPE,
        limit,
        parallel: options.parallel,
        clientRate,
        declare: async () => declared,
      }),
    );
  }
  if (!options.skipNaive) {
    progress(`rate-limited: naive creates ${offers.length} offers at ${limit} req/s`);
    runs.push(
      await runRateLimited({
        label: "naive",
        type: NAIVE_TYPE,
        limit,
        parallel: options.parallel,
        declare: (apiUrl) => declareNaiveOffers(offers, { apiUrl, apiKey: BENCH_API_KEY }),
      }),
    );
  }
  return runs;
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    if (!error.message) {
      process.stdout.write(`${error.usage}\n`);
      return;
    }
    process.stderr.write(`${error.message}\n${error.usage}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
