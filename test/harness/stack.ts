/**
 * One engine-protocol fixture: an emulator, Pulumi's provider host started in this repository (the
 * Pulumi program's directory) and configured as `pulumi up` would, and an Engine over them.
 */
import * as path from "path";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator";
import { Engine, type EngineOptions } from "./engine";
import { ProviderHost } from "./provider-host";

export const REPO_ROOT = path.resolve(__dirname, "../..");

export interface Stack {
  emulator: RunningEmulator;
  host: ProviderHost;
  engine: Engine;
  apiKey: string;
  stop(): Promise<void>;
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
  const apiKey = options.apiKey ?? "test-key-0123456789";
  const emulator = await startEmulator({ apiKey, ...options.emulator });
  const host = await ProviderHost.start({
    cwd: REPO_ROOT,
    env: {
      PULUMI_NODEJS_PROJECT: "offers",
      PULUMI_NODEJS_STACK: "dev",
      AFFISE_API_URL: "",
      AFFISE_API_KEY: "",
      ...options.env,
    },
  });
  await host.configure({
    "affise:apiUrl": emulator.url,
    "affise:apiKey": apiKey,
    ...options.config,
  });
  const engine = new Engine(host, options.engine);
  return {
    emulator,
    host,
    engine,
    apiKey,
    async stop() {
      await host.stop();
      await emulator.close();
    },
  };
}
