/**
 * check+diff CPU per offer inside the provider, measured in this process: through the host, the
 * hooks' own cost is lost among gRPC, protobuf and the child process. Every offer's Check(old
 * inputs, declared inputs) and Diff(id, old outputs, checked inputs) is replayed, as a no-op
 * preview sends them, against the state the lifecycle run left after create.
 */
import type * as pulumi from "@pulumi/pulumi";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { type Declared, type Tracked, withStackToken } from "../harness/engine";

type Props = Record<string, unknown>;

export interface HookCpu {
  offers: number;
  rounds: number;
  /**
   * CPU time (user + system) per offer, in microseconds, of the first pass over every offer: code
   * not yet optimised, as in a preview's fresh provider host.
   */
  firstPass: { checkMicros: number; diffMicros: number };
  /** The same once warm: median over the timed rounds that follow the warm-up. */
  checkMicros: number;
  diffMicros: number;
  /** Diffs that reported changes in the last round (no input changed, so all are spurious). */
  changedDiffs: number;
  /** Affise requests the hooks made while measured (a check may look codes up). */
  requests?: number;
}

const WARM_UP_ROUNDS = 3;

export async function measureCheckAndDiff(
  provider: pulumi.dynamic.ResourceProvider,
  declared: Declared[],
  state: Tracked[],
  options: { rounds: number; config: Record<string, string> },
): Promise<HookCpu> {
  const { rounds } = options;
  // Configured as the host configures it, so the hooks take the paths they take there.
  await provider.configure?.({
    config: { get: (key: string) => options.config[key] },
  } as unknown as pulumi.dynamic.ConfigureRequest);
  // As the engine sends them in a no-op preview: the stack's mark exists, so its token is known.
  const token = state.find((tracked) => typeof tracked.inputs.stackToken === "string")?.inputs
    .stackToken as string | undefined;
  const sent = token ? withStackToken(declared, token) : declared;
  const byName = new Map(sent.map((d) => [d.name, d.inputs]));
  // What the host hands the hooks: values as they come out of a protobuf Struct.
  const cases = state.map((tracked) => ({
    id: tracked.id,
    oldInputs: viaStruct(tracked.inputs),
    olds: viaStruct(tracked.outputs),
    news: viaStruct(byName.get(tracked.urn.slice(tracked.urn.lastIndexOf("::") + 2))!),
  }));
  const checked: Props[] = [];
  const checkTimes: number[] = [];
  const diffTimes: number[] = [];
  const firstPass = { checkMicros: 0, diffMicros: 0 };
  let changedDiffs = 0;
  for (let round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
    let started = process.cpuUsage();
    for (const [i, c] of cases.entries()) {
      checked[i] = (await provider.check!(c.oldInputs, c.news)).inputs ?? c.news;
    }
    const checkCpu = process.cpuUsage(started);
    started = process.cpuUsage();
    changedDiffs = 0;
    for (const [i, c] of cases.entries()) {
      if ((await provider.diff!(c.id, c.olds, checked[i])).changes) changedDiffs++;
    }
    const diffCpu = process.cpuUsage(started);
    if (round === 0) {
      firstPass.checkMicros = (checkCpu.user + checkCpu.system) / cases.length;
      firstPass.diffMicros = (diffCpu.user + diffCpu.system) / cases.length;
    }
    if (round < WARM_UP_ROUNDS) continue;
    checkTimes.push((checkCpu.user + checkCpu.system) / cases.length);
    diffTimes.push((diffCpu.user + diffCpu.system) / cases.length);
  }
  return {
    offers: cases.length,
    rounds,
    firstPass,
    checkMicros: median(checkTimes),
    diffMicros: median(diffTimes),
    changedDiffs,
  };
}

function viaStruct(value: Props): Props {
  return Struct.fromJavaScript(value as Parameters<typeof Struct.fromJavaScript>[0]).toJavaScript();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
