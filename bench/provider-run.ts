/**
 * One provider's lifecycle run: declare the offers, start a stack, run the five phases through the
 * host, then replay check+diff in process against the state the run left after create.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Declared } from "../harness/engine";
import { BENCH_API_KEY, startBenchStack } from "./bench-stack";
import { measureCheckAndDiff } from "./hook-cpu";
import { runLifecycle } from "./lifecycle";
import type { ProviderRun } from "./results";

export interface ProviderUnderTest {
  /** The engine's resource type (it only shows in URNs). */
  type: string;
  /** Stack config besides the emulator's URL and the key. */
  config: Record<string, string>;
  /** Environment of the provider host, e.g. NODE_OPTIONS. */
  hostEnv?: Record<string, string>;
  /** Declares the offers (original and after the commit) for an emulator at `apiUrl`. */
  declare(apiUrl: string): Promise<{ declared: Declared[]; committed: Declared[] }>;
  /** The provider object itself, to call its hooks in process (omit to skip that measurement). */
  hooks?(apiUrl: string): pulumi.dynamic.ResourceProvider;
}

export async function runProvider(
  provider: ProviderUnderTest,
  options: { parallel: number; changed: ReadonlySet<string>; cpuRounds: number },
): Promise<ProviderRun> {
  const stack = await startBenchStack({
    type: provider.type,
    parallel: options.parallel,
    config: provider.config,
    hostEnv: provider.hostEnv,
  });
  try {
    const { declared, committed } = await provider.declare(stack.emulator.url);
    const lifecycle = await runLifecycle(stack, declared, {
      declared: committed,
      changed: options.changed,
    });
    let cpu;
    if (provider.hooks) {
      stack.emulator.clearRequests();
      cpu = await measureCheckAndDiff(
        provider.hooks(stack.emulator.url),
        declared,
        lifecycle.stateAfterCreate,
        {
          rounds: options.cpuRounds,
          config: {
            "affise:apiUrl": stack.emulator.url,
            "affise:apiKey": BENCH_API_KEY,
            ...provider.config,
          },
        },
      );
      cpu.requests = stack.emulator.requests().length;
    }
    return {
      lifecycle: { ...lifecycle, stateAfterCreate: [] },
      hostIdleMB: stack.hostIdleMB,
      cpu,
    };
  } finally {
    await stack.stop();
  }
}
