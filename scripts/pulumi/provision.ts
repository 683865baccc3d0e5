/**
 * Making a Pulumi CLI available without the internet: the `pulumi` on PATH (or in ~/.pulumi/bin)
 * if there is one, else the one built into the tools folder, built now with Go if need be.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { findPulumiCli } from "../demo/pulumi-cli";
import { buildPulumiTools } from "./go-build";
import { builtToolsAreCurrent, toolsBin } from "./tools-dir";

export interface PulumiCli {
  /** The `pulumi` executable. */
  cli: string;
  /** Its folder, put first on PATH so the engine finds the language host and provider shim there. */
  binDir: string;
  source: "installed" | "built" | "built earlier";
}

export interface ProvisionOptions {
  root: string;
  env: NodeJS.ProcessEnv;
  say: (line: string) => void;
  /** False: never start a build. */
  build: boolean;
}

export async function provisionPulumiCli(
  options: ProvisionOptions,
): Promise<PulumiCli | undefined> {
  const usable = findUsablePulumiCli(options.root, options.env);
  if (usable || !options.build) return usable;

  const go = findGo(options.env);
  if (!go) return undefined;
  await buildPulumiTools({ root: options.root, go, env: options.env, say: options.say });
  const bin = toolsBin(options.root, options.env);
  return { cli: path.join(bin, "pulumi"), binDir: bin, source: "built" };
}

/** An installed CLI, else one built earlier from today's sources; never builds. */
export function findUsablePulumiCli(root: string, env: NodeJS.ProcessEnv): PulumiCli | undefined {
  const installed = findPulumiCli(env);
  if (installed) return { cli: installed, binDir: path.dirname(installed), source: "installed" };
  const bin = toolsBin(root, env);
  return builtToolsAreCurrent(root, env)
    ? { cli: path.join(bin, "pulumi"), binDir: bin, source: "built earlier" }
    : undefined;
}

export function findGo(env: NodeJS.ProcessEnv): string | undefined {
  const name = process.platform === "win32" ? "go.exe" : "go";
  for (const dir of (env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * The environment Pulumi runs in here: no update check, no plugin downloads, its home in the
 * given folder, and the CLI's own folder first on PATH.
 */
export function offlinePulumiEnv(
  cli: PulumiCli,
  settings: { backendDir: string; home: string; passphrase: string },
  base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  return {
    ...base,
    PATH: [cli.binDir, base.PATH].filter(Boolean).join(path.delimiter),
    PULUMI_HOME: settings.home,
    PULUMI_BACKEND_URL: `file://${settings.backendDir.split(path.sep).join("/")}`,
    PULUMI_CONFIG_PASSPHRASE: settings.passphrase,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  };
}
