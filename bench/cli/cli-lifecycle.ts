/**
 * N offers through the real Pulumi CLI (file backend, fresh Pulumi home) against the emulator:
 * `up` creating them, a no-op `preview`, `preview --refresh`, `up` changing 1 %, `destroy`. Each
 * command is timed from spawn to exit, with what Affise saw, the CPU of every process by role,
 * and the state file's size once it is done.
 */
import * as fs from "fs";
import * as path from "path";
import { startEmulator } from "../../emulator";
import type { PulumiCli } from "../../scripts/pulumi/provision";
import { E2eStack } from "../../harness/cli-stack";
import { BENCH_API_KEY } from "../bench-stack";
import { type RequestStats, summarizeRequests } from "../request-stats";
import { type BenchOffer, benchOffers, changeOnePercent } from "../workload";
import { type ProviderKind, writeOffers, writeProgram } from "./cli-program";
import { ProcessTreeSampler, type TreeUsage } from "./process-tree";

export interface CliPhase {
  phase: string;
  command: string;
  exitCode: number | null;
  seconds: number;
  requests: RequestStats;
  /** CPU seconds by process role; `affise` is the emulator (in the bench's own process). */
  cpu: TreeUsage & { affise: { cpuSeconds: number } };
  /** The engine's own summary of the command ("+ 1,001 created", ...). */
  changes: string[];
  /** The first error the CLI printed, if it failed. */
  firstError?: string;
  offersInAffise: number;
  duplicates: number;
  /** The stack's state file once the command is over, in bytes. */
  stateBytes: number;
}

export interface CliRun {
  label: string;
  kind: ProviderKind;
  offers: number;
  /** The emulator's limit in requests per second, if it had one. */
  limit?: number;
  /** affise:maxRequestsPerSecond, when set. */
  clientRate?: number;
  /** PULUMI_SKIP_CHECKPOINTS: the engine writes the state once, at the end, not after every step. */
  skipCheckpoints: boolean;
  phases: CliPhase[];
  /** What stopped the run before its last phase. */
  error?: string;
}

export type CliPhaseName = "create" | "preview" | "preview --refresh" | "update 1 %" | "destroy";

export const ALL_PHASES: CliPhaseName[] = [
  "create",
  "preview",
  "preview --refresh",
  "update 1 %",
  "destroy",
];

const COMMANDS: Record<CliPhaseName, string[]> = {
  create: ["up", "--yes"],
  preview: ["preview"],
  "preview --refresh": ["preview", "--refresh"],
  "update 1 %": ["up", "--yes"],
  destroy: ["destroy", "--yes"],
};

export interface CliRunOptions {
  label: string;
  kind: ProviderKind;
  n: number;
  limit?: number;
  clientRate?: number;
  skipCheckpoints?: boolean;
  phases?: CliPhaseName[];
  progress: (message: string) => void;
}

export async function runCliLifecycle(cli: PulumiCli, options: CliRunOptions): Promise<CliRun> {
  const offers = benchOffers(options.n);
  const emulator = await startEmulator({
    apiKey: BENCH_API_KEY,
    ...(options.limit ? { rateLimit: { requestsPerSecond: options.limit } } : {}),
  });
  const stack = new E2eStack(cli, "bench", "offers");
  const phases: CliPhase[] = [];
  let error: string | undefined;
  try {
    if (options.skipCheckpoints) stack.setEnv({ PULUMI_SKIP_CHECKPOINTS: "true" });
    await stack.init(emulator.url, BENCH_API_KEY);
    if (options.clientRate) {
      await stack.ok(["config", "set", "affise:maxRequestsPerSecond", String(options.clientRate)]);
    }
    writeProgram(stack, options.kind, { apiUrl: emulator.url, apiKey: BENCH_API_KEY });
    for (const phase of options.phases ?? ALL_PHASES) {
      const declared: BenchOffer[] =
        phase === "update 1 %" ? changeOnePercent(offers).offers : offers;
      writeOffers(stack, declared);
      options.progress(`${runName(options)}: pulumi ${COMMANDS[phase].join(" ")}`);
      emulator.clearRequests();
      const cpuBefore = process.cpuUsage();
      const sampler = new ProcessTreeSampler();
      const started = performance.now();
      const result = await stack.run(COMMANDS[phase]);
      const seconds = (performance.now() - started) / 1000;
      const usage = sampler.stop();
      const emulatorCpu = process.cpuUsage(cpuBefore);
      const titles = emulator.offers().map((offer) => String(offer.title));
      phases.push({
        phase,
        command: `pulumi ${COMMANDS[phase].join(" ")}`,
        exitCode: result.code,
        seconds,
        requests: summarizeRequests(emulator.requests()),
        cpu: { ...usage, affise: { cpuSeconds: (emulatorCpu.user + emulatorCpu.system) / 1e6 } },
        changes: changeSummary(result.stdout),
        firstError: result.code === 0 ? undefined : firstError(result.stdout + result.stderr),
        offersInAffise: titles.length,
        duplicates: titles.length - new Set(titles).size,
        stateBytes: stateFileBytes(stack.dir),
      });
      // The transcript would hold every command's full output: not needed here.
      stack.transcript.length = 0;
    }
  } catch (failure) {
    error = (failure as Error).message.split("\n")[0];
    options.progress(`${runName(options)}: stopped: ${error}`);
  } finally {
    await emulator.close();
    stack.remove();
  }
  return {
    label: options.label,
    kind: options.kind,
    offers: options.n,
    limit: options.limit,
    clientRate: options.clientRate,
    skipCheckpoints: options.skipCheckpoints ?? false,
    phases,
    error,
  };
}

/** The lines under the last "Resources:" (`up` prints its preview's first), as the CLI prints them. */
function changeSummary(stdout: string): string[] {
  const lines = stdout.split("\n");
  const start = lines.map((line) => line.trim()).lastIndexOf("Resources:");
  if (start < 0) return [];
  const summary: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === "") break;
    summary.push(line.trim());
  }
  return summary;
}

function firstError(output: string): string {
  const line = output.split("\n").find((l) => /error:/.test(l)) ?? output.trim().split("\n")[0];
  return line.trim().slice(0, 200);
}

/** The stack's checkpoint in the file backend (`.pulumi/stacks/<project>/<stack>.json`). */
function stateFileBytes(dir: string): number {
  const stacks = path.join(dir, "backend", ".pulumi", "stacks");
  let largest = 0;
  const walk = (folder: string) => {
    if (!fs.existsSync(folder)) return;
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.json(\.gz)?$/.test(entry.name))
        largest = Math.max(largest, fs.statSync(file).size);
    }
  };
  walk(stacks);
  return largest;
}

function runName(options: { label: string; n: number; skipCheckpoints?: boolean }): string {
  return `${options.label}, ${options.n} offers${options.skipCheckpoints ? ", no checkpoints" : ""}`;
}
