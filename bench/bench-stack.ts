/**
 * One provider under test: a fresh emulator, Pulumi's own provider host started in the program's
 * directory and configured as `pulumi up` would configure it, and the harness Engine over both.
 * Unlike the test suites' stack it scans nothing for the API key: the naive counter-example
 * stores its key in state by design, and the report says so.
 */
import { type EmulatorOptions, type RunningEmulator, startEmulator } from "../emulator";
import { Engine } from "../harness/engine";
import { programUnderTest } from "../harness/program-under-test";
import { ProviderHost } from "../harness/provider-host";
import { HostMemory } from "./host-memory";
import { PROJECT, STACK } from "./workload";

export const BENCH_API_KEY = "bench-affise-key-5c1e9a7f";

export interface BenchStack {
  emulator: RunningEmulator;
  host: ProviderHost;
  engine: Engine;
  memory: HostMemory;
  /** The host's resident memory once started and configured, before any offer. */
  hostIdleMB: number;
  stop(): Promise<void>;
}

export async function startBenchStack(options: {
  /** The engine's resource type, which only shows in URNs. */
  type: string;
  parallel: number;
  /** Stack config sent with Configure (the emulator's URL and the key are added). */
  config?: Record<string, string>;
  hostEnv?: Record<string, string>;
  emulator?: Partial<EmulatorOptions>;
}): Promise<BenchStack> {
  const emulator = await startEmulator({ apiKey: BENCH_API_KEY, ...options.emulator });
  const program = programUnderTest();
  const host = await ProviderHost.start({
    cwd: program.dir,
    node: program.node,
    env: {
      PULUMI_NODEJS_PROJECT: PROJECT,
      PULUMI_NODEJS_STACK: STACK,
      AFFISE_API_URL: "",
      AFFISE_API_KEY: "",
      ...options.hostEnv,
    },
  });
  await host.configure({
    "affise:apiUrl": emulator.url,
    "affise:apiKey": BENCH_API_KEY,
    ...options.config,
  });
  const engine = new Engine(host, {
    project: PROJECT,
    stack: STACK,
    type: options.type,
    parallel: options.parallel,
  });
  const memory = new HostMemory(host.pid!);
  return {
    emulator,
    host,
    engine,
    memory,
    hostIdleMB: memory.currentMB(),
    async stop() {
      await host.stop();
      await emulator.close();
    },
  };
}
