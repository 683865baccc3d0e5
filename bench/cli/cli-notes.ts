/**
 * What the real-CLI figures say: for each run, where a command's time went beyond Affise's floor,
 * what a no-op preview costs with no request at all, and how the cost grows with the stack.
 */
import { num, percent, times } from "../format";
import type { CliPhase, CliRun } from "./cli-lifecycle";
import { checkpointPairs, comparable, floorSeconds, runTitle } from "./cli-report";

export function explainCliRuns(runs: CliRun[]): string[] {
  return [...runs.flatMap(explainRun), ...checkpoints(runs), ...growth(runs)];
}

function explainRun(run: CliRun): string[] {
  const notes: string[] = [];
  const title = runTitle(run);
  if (run.error) notes.push(`${title}: the run stopped early: ${run.error}.`);
  const create = run.phases.find((p) => p.phase === "create");
  const preview = run.phases.find((p) => p.phase === "preview");
  if (create && run.limit && create.exitCode === 0) {
    const floor = floorSeconds(create, run.limit);
    notes.push(
      `${title}: \`pulumi up\` creating them took ${num(create.seconds, 1)} s, ` +
        `${times(create.seconds, floor)} its floor of ${num(create.requests.accepted)} accepted ` +
        `requests at ${num(run.limit)}/s (${num(floor, 1)} s; ${num(create.requests.accepted / run.offers, 2)} ` +
        `per offer). Beyond the floor: ${num(create.seconds - floor, 1)} s. ${cpuShares(create)}`,
    );
  }
  if (create && create.exitCode !== 0) {
    notes.push(
      `${title}: \`pulumi up\` failed after ${num(create.seconds, 1)} s with ` +
        `${num(create.requests.throttled)} answers 429; ${num(run.offers - create.offersInAffise)} ` +
        `of ${num(run.offers)} offers were not created: a client without throttle or retries fails ` +
        `on the first 429s, and the engine starts no new step once one has failed.`,
    );
  }
  if (preview) {
    notes.push(
      `${title}: a no-op \`pulumi preview\` sent ${num(preview.requests.total)} requests and took ` +
        `${num(preview.seconds, 1)} s (${num((preview.seconds / run.offers) * 1000, 1)} ms per offer): ` +
        `all of it Pulumi and the providers' own work. ${cpuShares(preview)}`,
    );
  }
  return notes;
}

function cpuShares(phase: CliPhase): string {
  const { engine, program, provider, affise } = phase.cpu;
  const total = engine.cpuSeconds + program.cpuSeconds + provider.cpuSeconds + affise.cpuSeconds;
  if (total === 0) return "";
  const share = (seconds: number) => percent(seconds / total);
  return (
    `CPU: ${num(total, 1)} s in all, engine ${share(engine.cpuSeconds)}, program ` +
    `${share(program.cpuSeconds)}, provider host ${share(provider.cpuSeconds)}, Affise ` +
    `${share(affise.cpuSeconds)}.`
  );
}

function growth(runs: CliRun[]): string[] {
  const notes: string[] = [];
  for (const large of runs) {
    const small = runs.find((run) => comparable(run, large));
    if (!small) continue;
    const scale = large.offers / small.offers;
    const slowest = large.phases
      .map((phase) => {
        const before = small.phases.find((p) => p.phase === phase.phase);
        return before && { phase, ratio: phase.seconds / before.seconds };
      })
      .filter((entry): entry is { phase: CliPhase; ratio: number } => Boolean(entry))
      .sort((a, b) => b.ratio - a.ratio)[0];
    if (!slowest) continue;
    const engineBefore = small.phases.find((p) => p.phase === slowest.phase.phase)!.cpu.engine;
    notes.push(
      `${runTitle(large)}: ${num(scale, 0)}× the offers; the phase that grew most is ` +
        `\`${slowest.phase.command}\`, ${num(slowest.ratio, 1)}× as long, with the engine's CPU ` +
        `${num(engineBefore.cpuSeconds, 1)} s → ${num(slowest.phase.cpu.engine.cpuSeconds, 1)} s` +
        (slowest.ratio > scale * 1.2 ? ": more than in proportion." : ", in proportion or less."),
    );
  }
  return notes;
}

function checkpoints(runs: CliRun[]): string[] {
  return checkpointPairs(runs).flatMap(([withThem, without]) => {
    const create = withThem.phases.find((p) => p.phase === "create");
    const createWithout = without.phases.find((p) => p.phase === "create");
    if (!create || !createWithout) return [];
    const perStep = ((create.seconds - createWithout.seconds) / withThem.offers) * 1000;
    return [
      `With Pulumi's default checkpoint after every step, \`pulumi up\` creating ` +
        `${num(withThem.offers)} offers took ${num(create.seconds, 1)} s against ` +
        `${num(createWithout.seconds, 1)} s with PULUMI_SKIP_CHECKPOINTS (engine CPU ` +
        `${num(create.cpu.engine.cpuSeconds, 1)} s against ${num(createWithout.cpu.engine.cpuSeconds, 1)} s): ` +
        `${num(perStep, 0)} ms per offer spent writing a state file that ends at ` +
        `${num(create.stateBytes / 1e6, 1)} MB. Each step rewrites the whole file, so this cost grows ` +
        `with the square of the stack's size; it is the engine's, not the provider's or Affise's.`,
    ];
  });
}
