/** Finding and running the Pulumi CLI, and what to say when it is not installed. */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const INSTALL_HELP = `The Pulumi CLI is not installed: there is no \`pulumi\` on your PATH or in ~/.pulumi/bin,
and no Go toolchain to build one with. Either install the CLI:

  curl -fsSL https://get.pulumi.com | sh      # Linux and macOS (installs to ~/.pulumi/bin)
  brew install pulumi/tap/pulumi              # macOS with Homebrew
  winget install pulumi                       # Windows

  All options: https://www.pulumi.com/docs/iac/download-install/

or install Go 1.26 or newer (https://go.dev/dl/): then \`npm run pulumi:cli\` (which \`npm run demo\`
runs for you) builds the CLI from the Go module proxy into .tools/pulumi/bin/, once.

The demo needs no Pulumi account: it keeps its state in .demo/. Without the CLI you can still
check the offer files: npm run validate
`;

/** The `pulumi` executable on PATH, else the one get.pulumi.com installs in ~/.pulumi/bin. */
export function findPulumiCli(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const names = process.platform === "win32" ? ["pulumi.exe", "pulumi.cmd"] : ["pulumi"];
  const dirs = [
    ...(env.PATH ?? "").split(path.delimiter).filter(Boolean),
    path.join(env.HOME ?? os.homedir(), ".pulumi", "bin"),
  ];
  for (const dir of dirs) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

export interface PulumiRun {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/**
 * Runs the CLI with the terminal handed over, so the user sees Pulumi's own preview and progress.
 * Asynchronous on purpose: the emulator serving the provider lives in this process.
 */
export function runPulumi(cli: string, args: string[], run: PulumiRun): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cli, args, { cwd: run.cwd, env: run.env, stdio: "inherit" });
    // Ctrl-C reaches Pulumi too, which cancels cleanly; it still needs the emulator meanwhile.
    const ignoreInterrupt = () => undefined;
    process.on("SIGINT", ignoreInterrupt);
    child.on("error", (error) => {
      process.off("SIGINT", ignoreInterrupt);
      reject(error);
    });
    child.on("close", (code, signal) => {
      process.off("SIGINT", ignoreInterrupt);
      resolve(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1));
    });
  });
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
