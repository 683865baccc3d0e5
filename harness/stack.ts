/**
 * One engine-protocol fixture: an emulator, Pulumi's provider host started in this repository (the
 * Pulumi program's directory) and configured as `pulumi up` would, and an Engine over them.
 */
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../emulator";
import { Engine, type EngineOptions } from "./engine";
import { programUnderTest } from "./program-under-test";
import { ProviderHost } from "./provider-host";

export interface Stack {
  emulator: RunningEmulator;
  host: ProviderHost;
  engine: Engine;
  apiKey: string;
  stop(): Promise<void>;
}

/**
 * Every suite's key is a sentinel: whatever the engine receives from the provider host (every
 * reply, every error, the stored state) and whatever the host logs is scanned for it on stop.
 */
export const SENTINEL_API_KEY = "sentinel-affise-key-3b9f7c1d5e";

export function assertKeyNotLeaked(key: string, places: Record<string, string>): void {
  const leaks = Object.entries(places)
    .filter(([, text]) => text.includes(key))
    .map(([place]) => place);
  if (leaks.length > 0) throw new Error(`the API key leaked into: ${leaks.join(", ")}`);
}

/** Pulumi's provider host for the program under test, with no Affise settings in its environment. */
export function startHost(env: Record<string, string> = {}): Promise<ProviderHost> {
  const program = programUnderTest();
  return ProviderHost.start({
    cwd: program.dir,
    node: program.node,
    recordTranscript: true,
    env: {
      PULUMI_NODEJS_PROJECT: "offers",
      PULUMI_NODEJS_STACK: "dev",
      AFFISE_API_URL: "",
      AFFISE_API_KEY: "",
      ...env,
    },
  });
}

export async function startStack(
  options: {
    apiKey?: string;
    emulator?: Partial<EmulatorOptions>;
    config?: Record<string, string>;
    engine?: EngineOptions;
    env?: Record<string, string>;
  } = {},
): Promise<Stack> {
  const apiKey = options.apiKey ?? SENTINEL_API_KEY;
  const emulator = await startEmulator({ apiKey, ...options.emulator });
  const host = await startHost(options.env);
  await host.configure({
    "affise:apiUrl": emulator.url,
    "affise:apiKey": apiKey,
    ...options.config,
  });
  const engine = new Engine(host, options.engine);
  const stack: Stack = {
    emulator,
    host,
    engine,
    apiKey,
    /** Stops both, then fails if the API key shows anywhere the engine or a user could see it. */
    async stop() {
      await host.stop();
      await stack.emulator.close();
      assertKeyNotLeaked(apiKey, {
        transcript: host.transcript.join("\n"),
        stderr: host.stderr,
        state: engine.stateAsStored(),
      });
    },
  };
  return stack;
}
