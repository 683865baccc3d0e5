/**
 * The benchmark's in-process check+diff figure must time what a no-op preview runs: the offers'
 * inputs as the engine sends them once the stack's mark exists (its token known), against the
 * state a create left. Timing a first preview's unknowns instead takes diff's slow path for
 * every offer and reports a change for each.
 */
import type * as pulumi from "@pulumi/pulumi";
import { BENCH_API_KEY, startBenchStack, type BenchStack } from "../../bench/bench-stack";
import { measureCheckAndDiff } from "../../bench/hook-cpu";
import { benchOffers, declareAffiseOffers } from "../../bench/workload";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { offerProvider } = require("../../dist/provider") as {
  offerProvider: pulumi.dynamic.ResourceProvider;
};

let stack: BenchStack;

beforeAll(async () => {
  stack = await startBenchStack({ type: "pulumi-nodejs:dynamic/affise:Offer", parallel: 4 });
});
afterAll(() => stack?.stop());

test("the timed check+diff is a no-op preview: every diff finds nothing changed", async () => {
  const declared = await declareAffiseOffers(benchOffers(4));
  const created = await stack.engine.up(declared);
  expect(created.filter((step) => step.kind === "failed")).toEqual([]);

  const cpu = await measureCheckAndDiff(offerProvider, declared, [...stack.engine.state.values()], {
    rounds: 1,
    config: { "affise:apiUrl": stack.emulator.url, "affise:apiKey": BENCH_API_KEY },
  });

  expect(cpu.offers).toBe(4);
  expect(cpu.changedDiffs).toBe(0);
});
