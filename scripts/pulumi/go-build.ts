/**
 * Builds the Pulumi CLI and this project's Node.js language host with Go, from the Go module
 * proxy, into the tools folder. Go's module and build caches make every build after the first
 * take seconds.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  goModuleDir,
  providerShim,
  PULUMI_VERSION,
  removeStamp,
  toolsBin,
  writeStamp,
} from "./tools-dir";

const CLI_PACKAGE = "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi";
const VERSION_VARIABLE = "github.com/pulumi/pulumi/sdk/v3/go/common/version.Version";
const PROGRESS_EVERY = 100;

export interface BuildOptions {
  root: string;
  go: string;
  env: NodeJS.ProcessEnv;
  say: (line: string) => void;
}

export async function buildPulumiTools({ root, go, env, say }: BuildOptions): Promise<void> {
  const bin = toolsBin(root, env);
  fs.mkdirSync(bin, { recursive: true });
  removeStamp(root, env);
  const started = Date.now();
  const goEnv: NodeJS.ProcessEnv = {
    ...env,
    CGO_ENABLED: "0",
    GOFLAGS: [env.GOFLAGS, "-buildvcs=false"].filter(Boolean).join(" "),
  };
  const ldflags = `-X ${VERSION_VARIABLE}=v${PULUMI_VERSION}`;

  say(`Building the Pulumi CLI ${PULUMI_VERSION} with Go into ${bin}`);
  say("(the first build takes several minutes; Go's caches make later ones take seconds)");
  await goBuild(go, ["-o", path.join(bin, "pulumi"), "-ldflags", ldflags, CLI_PACKAGE], {
    root,
    env: goEnv,
    say,
    label: "pulumi",
  });
  await goBuild(go, ["-o", path.join(bin, "pulumi-language-nodejs"), "./language-nodejs"], {
    root,
    env: goEnv,
    say,
    label: "pulumi-language-nodejs",
  });
  fs.copyFileSync(providerShim(root), path.join(bin, "pulumi-resource-pulumi-nodejs"));
  fs.chmodSync(path.join(bin, "pulumi-resource-pulumi-nodejs"), 0o755);
  writeStamp(root, env);
  say(`Built in ${elapsed(started)}.`);
}

interface GoBuildRun {
  root: string;
  env: NodeJS.ProcessEnv;
  say: (line: string) => void;
  label: string;
}

/** `go build -v`: it names each package as it compiles it, which is the progress shown. */
function goBuild(go: string, args: string[], run: GoBuildRun): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(go, ["build", "-v", ...args], {
      cwd: goModuleDir(run.root),
      env: run.env,
      stdio: ["ignore", "inherit", "pipe"],
    });
    let compiled = 0;
    const problems: string[] = [];
    let pending = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        if (/^[\w.~/-]+$/.test(line)) {
          compiled++;
          if (compiled % PROGRESS_EVERY === 0) {
            run.say(`  ${run.label}: ${compiled} packages compiled (${elapsed(started)})`);
          }
        } else if (line.startsWith("go: downloading")) {
          run.say(`  ${line}`);
        } else if (line.trim() !== "") {
          problems.push(line);
        }
      }
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (pending.trim() !== "") problems.push(pending);
      if (code === 0) {
        run.say(`  ${run.label}: done, ${compiled} packages compiled (${elapsed(started)})`);
        resolve();
      } else {
        reject(
          new Error(`go build of ${run.label} failed (exit ${code}):\n${problems.join("\n")}`),
        );
      }
    });
  });
}

function elapsed(since: number): string {
  const seconds = Math.round((Date.now() - since) / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${seconds % 60}s`;
}
