/**
 * Where `npm run pulumi:cli` keeps the Pulumi CLI it builds, and how to tell that build is current.
 * The folder is git-ignored; PULUMI_AFFISE_TOOLS_DIR moves it (the tests use a temporary one).
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/** The Pulumi release built here: the engine matching the @pulumi/pulumi the repo develops with. */
export const PULUMI_VERSION = "3.248.0";

/** What the bin folder holds: the CLI, this project's Node.js language host, the dynamic-provider shim. */
export const TOOL_NAMES = ["pulumi", "pulumi-language-nodejs", "pulumi-resource-pulumi-nodejs"];

export function toolsDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(root, env.PULUMI_AFFISE_TOOLS_DIR ?? path.join(".tools", "pulumi"));
}

export function toolsBin(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(toolsDir(root, env), "bin");
}

const STAMP = ".built-from";

/** The Go module that builds the tools: the CLI as a `tool`, the language host as a package. */
export function goModuleDir(root: string): string {
  return path.join(root, "tools", "pulumi");
}

/** The shim that @pulumi/pulumi ships to start its dynamic-provider host. */
export function providerShim(root: string): string {
  return path.join(root, "node_modules", "@pulumi", "pulumi", "pulumi-resource-pulumi-nodejs");
}

/** A fingerprint of everything the build reads from the repository. */
export function sourceFingerprint(root: string): string {
  const module = goModuleDir(root);
  const hostDir = path.join(module, "language-nodejs");
  const files = [
    path.join(module, "go.mod"),
    path.join(module, "go.sum"),
    ...fs
      .readdirSync(hostDir)
      .filter((name) => name.endsWith(".go"))
      .sort()
      .map((name) => path.join(hostDir, name)),
    providerShim(root),
  ];
  const hash = createHash("sha256").update(PULUMI_VERSION);
  for (const file of files) {
    hash.update(path.relative(root, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/** True when the bin folder holds every tool, built from today's sources. */
export function builtToolsAreCurrent(root: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const bin = toolsBin(root, env);
  if (!TOOL_NAMES.every((name) => fs.existsSync(path.join(bin, name)))) return false;
  const stamp = path.join(bin, STAMP);
  return fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8").trim() === sourceFingerprint(root);
}

/** Written last, after every tool is in place; removed first, before a build replaces any. */
export function writeStamp(root: string, env: NodeJS.ProcessEnv = process.env): void {
  fs.writeFileSync(path.join(toolsBin(root, env), STAMP), `${sourceFingerprint(root)}\n`);
}

export function removeStamp(root: string, env: NodeJS.ProcessEnv = process.env): void {
  fs.rmSync(path.join(toolsBin(root, env), STAMP), { force: true });
}
