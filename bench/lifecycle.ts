/**
 * The benchmark's lifecycle, through Pulumi's provider host, phase by phase: create all →
 * no-op preview of all → change one payment on 1 % and update → refresh all → delete all.
 */
import type { Declared, Tracked } from "../harness/engine";
import { BENCH_API_KEY, type BenchStack } from "./bench-stack";
import { outcomeOf, type PhaseResult, timePhase } from "./phase";

/** A phase, with the fewest Affise requests any provider could make for it. */
export interface LifecyclePhase extends PhaseResult {
  floorRequests: number;
}

export interface LifecycleResult {
  phases: LifecyclePhase[];
  /** Bytes of `__provider` in one resource's inputs (the same text is in its outputs too). */
  providerBytes: number;
  /** Bytes each offer adds to the state: its inputs and outputs as JSON, averaged. */
  stateBytesPerOffer: number;
  /** Whether the API key appears anywhere in the state. */
  keyInState: boolean;
  /** The state right after create, to replay check+diff against in process. */
  stateAfterCreate: Tracked[];
}

export async function runLifecycle(
  stack: BenchStack,
  declared: Declared[],
  commit: { declared: Declared[]; changed: ReadonlySet<string> },
): Promise<LifecycleResult> {
  const { engine } = stack;
  const n = declared.length;
  const phases: LifecyclePhase[] = [];
  const at = async (floorRequests: number, result: Promise<PhaseResult>) =>
    phases.push({ ...(await result), floorRequests });

  // One POST per offer: the least any create can cost.
  await at(
    n,
    timePhase(stack, "create", n, async () => outcomeOf(await engine.up(declared))),
  );
  const stateAfterCreate = structuredClone([...engine.state.values()]);
  const stateJson = stateAfterCreate.map((tracked) =>
    JSON.stringify({ inputs: tracked.inputs, outputs: tracked.outputs }),
  );

  // Nothing changed, so nothing to ask Affise.
  await at(
    0,
    timePhase(stack, "no-op preview", n, async () => outcomeOf(await engine.preview(declared))),
  );
  // One edit per changed offer.
  await at(
    commit.changed.size,
    timePhase(stack, `update ${commit.changed.size} (1 %)`, n, async () =>
      outcomeOf(await engine.up(commit.declared), commit.changed),
    ),
  );
  // The engine reads resource by resource: one GET each.
  await at(
    n,
    timePhase(stack, "refresh", n, async () => {
      try {
        await engine.refresh();
        return { failed: 0, writeSteps: 0, spurious: 0 };
      } catch (error) {
        const firstError = (error as Error).message;
        return { failed: 1, firstError, aborted: true, writeSteps: 0, spurious: 0 };
      }
    }),
  );
  // The engine deletes resource by resource: one POST each.
  await at(
    n,
    timePhase(stack, "delete", n, async () => outcomeOf(await engine.destroy())),
  );

  const provider = String(declared[0]?.inputs.__provider ?? "");
  return {
    phases,
    providerBytes: Buffer.byteLength(provider),
    stateBytesPerOffer:
      stateJson.reduce((sum, json) => sum + Buffer.byteLength(json), 0) / Math.max(1, n),
    keyInState: stateJson.some((json) => json.includes(BENCH_API_KEY)),
    stateAfterCreate,
  };
}
