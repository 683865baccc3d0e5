/** The real-CLI runs as Markdown: one table per run, then how the cost grows with the stack. */
import { num, table, times } from "../format";
import type { CliPhase, CliRun } from "./cli-lifecycle";
import type { CliSet } from "./cli-set";

const MB = 1e6;

export function renderCliSection(set: CliSet): string {
  const { runs, version: cliVersion } = set;
  const limited = runs.find((run) => run.limit !== undefined);
  const parts = [
    `## Real Pulumi CLI

What users wait for: the \`pulumi\` CLI (${cliVersion}, built by \`npm run pulumi:cli\`) with a
file backend, each command a fresh process (engine, language host and program, provider host)
against the emulator. Wall time runs from spawn to exit. Floor: the accepted requests at the
emulator's limit (${limited ? `${num(limited.limit!)} requests/second, a token bucket holding one second's worth, 429 past it` : "none"}).
CPU seconds are sampled per process from /proc and sorted by role: the engine (the Go CLI), the
program (language host and the Node.js program that declares the offers), the provider host
(Pulumi's dynamic-provider host running the provider) and Affise (the emulator, in the bench's
own process). On two shared cores, CPU seconds add up to more wall time only where processes
waited for a core. State is the stack's checkpoint file after the command.`,
  ];
  if (set.pending.length > 0) {
    parts.push(
      `Not measured: the bench was stopped before these runs were over (the figures below are ` +
        `those it finished):\n\n${set.pending.map((run) => `- ${run}`).join("\n")}`,
    );
  }
  for (const run of runs) parts.push(runTable(run));
  const checkpoints = checkpointTable(runs);
  if (checkpoints) parts.push(checkpoints);
  const growth = growthTable(runs);
  if (growth) parts.push(growth);
  return parts.join("\n\n");
}

export function runTitle(run: CliRun): string {
  const provider = run.kind === "affise" ? "affise.Offer" : "naive";
  const limit =
    run.limit === undefined
      ? "no rate limit"
      : `${num(run.limit)} req/s limit` +
        (run.clientRate
          ? `, client at ${num(run.clientRate)} req/s`
          : ", client without a throttle");
  const checkpoints = run.skipCheckpoints
    ? "PULUMI_SKIP_CHECKPOINTS"
    : "checkpoint after every step (default)";
  return `${provider}, ${num(run.offers)} offers, ${limit}, ${checkpoints}`;
}

function runTable(run: CliRun): string {
  const rows = run.phases.map((phase) => [
    phase.command,
    num(phase.seconds, 1),
    requestsCell(phase),
    run.limit ? num(floorSeconds(phase, run.limit), 1) : "—",
    run.limit ? times(phase.seconds, floorSeconds(phase, run.limit)) : "—",
    cpuCell(phase),
    num(phase.cpu.provider.peakMB, 0),
    num(phase.stateBytes / MB, 2),
    resultCell(phase, run.offers),
  ]);
  return `### ${runTitle(run)}\n\n${table(
    [
      "command",
      "wall (s)",
      "Affise requests accepted (429s)",
      "floor (s)",
      "wall ÷ floor",
      "CPU s: engine · program · provider host · Affise",
      "provider host peak RSS (MB)",
      "state file (MB)",
      "result",
    ],
    rows,
  )}`;
}

export function floorSeconds(phase: CliPhase, limit: number): number {
  return phase.requests.accepted / limit;
}

function requestsCell(phase: CliPhase): string {
  const { accepted, throttled } = phase.requests;
  return `${num(accepted)} (${num(throttled)})`;
}

function cpuCell(phase: CliPhase): string {
  const { engine, program, provider, affise } = phase.cpu;
  return [engine, program, provider, affise].map((role) => num(role.cpuSeconds, 1)).join(" · ");
}

function resultCell(phase: CliPhase, offers: number): string {
  const summary = phase.changes.join(", ") || "no summary";
  if (phase.exitCode === 0) return summary;
  const missing =
    phase.phase === "create" ? `; ${num(offers - phase.offersInAffise)} offers not created` : "";
  return `**exit ${phase.exitCode}**: ${summary}${missing}; ${phase.firstError ?? ""}`;
}

/** Each provider's runs of different sizes under the same limit, phase by phase. */
function growthTable(runs: CliRun[]): string | undefined {
  const rows: string[][] = [];
  for (const small of runs) {
    for (const large of runs) {
      if (!comparable(small, large)) continue;
      if (large.offers <= small.offers) continue;
      for (const phase of large.phases) {
        const before = small.phases.find((p) => p.phase === phase.phase);
        if (!before) continue;
        rows.push([
          runTitle(large).replace(/, [\d,]+ offers/, ""),
          phase.command,
          `${num(before.seconds, 1)} → ${num(phase.seconds, 1)}`,
          times(phase.seconds, before.seconds),
          `${num((before.seconds / small.offers) * 1000, 1)} → ${num((phase.seconds / large.offers) * 1000, 1)}`,
          `${num(before.stateBytes / MB, 2)} → ${num(phase.stateBytes / MB, 2)}`,
          `${num(before.cpu.engine.cpuSeconds, 1)} → ${num(phase.cpu.engine.cpuSeconds, 1)}`,
        ]);
      }
    }
  }
  if (rows.length === 0) return undefined;
  const sizes = [...new Set(runs.map((run) => run.offers))].sort((a, b) => a - b);
  return `### How the cost grows: ${sizes.map((n) => num(n)).join(" → ")} offers\n\n${table(
    [
      "provider",
      "command",
      "wall (s)",
      "growth",
      "ms per offer",
      "state file (MB)",
      "engine CPU (s)",
    ],
    rows,
  )}`;
}

/** Two runs that differ only in size. */
export function comparable(small: CliRun, large: CliRun): boolean {
  return (
    large !== small &&
    large.kind === small.kind &&
    large.limit === small.limit &&
    large.skipCheckpoints === small.skipCheckpoints &&
    large.offers > small.offers
  );
}

/** The same run with and without the engine's checkpoint after every step. */
export function checkpointPairs(runs: CliRun[]): [CliRun, CliRun][] {
  return runs
    .filter((run) => !run.skipCheckpoints)
    .flatMap((withThem) => {
      const without = runs.find(
        (run) =>
          run.skipCheckpoints &&
          run.kind === withThem.kind &&
          run.offers === withThem.offers &&
          run.limit === withThem.limit,
      );
      return without ? [[withThem, without] as [CliRun, CliRun]] : [];
    });
}

function checkpointTable(runs: CliRun[]): string | undefined {
  const rows = checkpointPairs(runs).flatMap(([withThem, without]) =>
    withThem.phases.flatMap((phase) => {
      const other = without.phases.find((p) => p.phase === phase.phase);
      if (!other) return [];
      return [
        [
          `${withThem.kind === "affise" ? "affise.Offer" : "naive"}, ${num(withThem.offers)} offers`,
          phase.command,
          num(phase.seconds, 1),
          num(other.seconds, 1),
          num(phase.seconds - other.seconds, 1),
          `${num(phase.cpu.engine.cpuSeconds, 1)} / ${num(other.cpu.engine.cpuSeconds, 1)}`,
        ],
      ];
    }),
  );
  if (rows.length === 0) return undefined;
  return `### What the checkpoints cost

The engine writes the whole state to the backend after every step, so a stack of N resources
writes O(N²) bytes per \`up\` or \`destroy\`. \`PULUMI_SKIP_CHECKPOINTS=true\` writes it once, at the
end (an interrupted command then leaves the state as it was before it).

${table(
  [
    "stack",
    "command",
    "wall with checkpoints (s)",
    "wall without (s)",
    "checkpoints cost (s)",
    "engine CPU with / without (s)",
  ],
  rows,
)}`;
}
