/**
 * `npm run demo [-- --destroy]`: the offers under offers/ applied with `pulumi up` to a local
 * Affise emulator — no Affise account, no Pulumi account. State (Pulumi's file backend, the
 * emulator's offers, its port and key) lives in the git-ignored .demo/ folder, so a second run
 * finds nothing to change and `--destroy` removes what the first one created.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { startDemoEmulator } from "./demo/demo-emulator";
import { offersTable } from "./demo/offers-table";
import { INSTALL_HELP, runPulumi } from "./demo/pulumi-cli";
import { offlinePulumiEnv, provisionPulumiCli, type PulumiCli } from "./pulumi/provision";
import { repoRoot } from "./repo-root";

const STACK = "demo";
// Only guards the demo's own throwaway secrets (a generated emulator key); never reuse it.
const DEMO_PASSPHRASE = "pulumi-affise-demo";

const USAGE = `Usage: npm run demo -- [--destroy] [--dir <folder>]

  (no option)      pulumi up: create or update the offers under offers/ in a local Affise emulator
  --destroy        pulumi destroy: remove them again
  --dir <folder>   where the demo keeps its state (default: .demo/ in the repository)
`;

interface DemoOptions {
  destroy: boolean;
  dir?: string;
}

async function main(argv: string[]): Promise<number> {
  const options = parseArgs(argv);
  if (options === "help") {
    process.stdout.write(USAGE);
    return 0;
  }
  const root = repoRoot();
  const cli = await provisionPulumiCli({ root, env: process.env, say, build: true });
  if (!cli) {
    process.stderr.write(INSTALL_HELP);
    return 1;
  }

  const dir = path.resolve(root, options.dir ?? ".demo");
  const backend = path.join(dir, "backend");
  fs.mkdirSync(backend, { recursive: true });
  const emulator = await startDemoEmulator(dir);
  say(`Affise emulator: ${emulator.url} (offers kept in ${shown(root, emulator.dataFile)})`);
  say(`Pulumi state: ${shown(root, backend)}, stack "${STACK}"\n`);

  try {
    const env = pulumiEnvironment(cli, dir, backend);
    const pulumi = (args: string[], shownArgs = args) => {
      say(`$ pulumi ${shownArgs.join(" ")}`);
      return runPulumi(cli.cli, args, { cwd: root, env });
    };
    const setup = [
      ["stack", "select", "--create", STACK],
      ["config", "set", "--stack", STACK, "affise:apiUrl", emulator.url],
    ];
    for (const args of setup) {
      const code = await pulumi(args);
      if (code !== 0) return failed(args, code);
    }
    const keyArgs = ["config", "set", "--stack", STACK, "--secret", "affise:apiKey"];
    const keyCode = await pulumi([...keyArgs, emulator.apiKey], [...keyArgs, "<demo key>"]);
    if (keyCode !== 0) return failed(keyArgs, keyCode);

    const command = options.destroy ? "destroy" : "up";
    // --refresh reads the offers from the emulator first, as the GitOps workflow does, so the demo
    // also recovers from a deleted emulator.sqlite instead of trusting stale state.
    const flags = options.destroy ? ["--yes"] : ["--refresh", "--yes"];
    const code = await pulumi([command, ...flags, "--stack", STACK]);
    say(`\nOffers in the Affise emulator now:\n${offersTable(emulator.offers())}`);
    if (code !== 0) return failed([command], code);
    say(nextSteps(options.destroy));
    return 0;
  } finally {
    await emulator.close();
  }
}

/**
 * The CLI's environment: offline, the demo's own backend, Pulumi home and passphrase, and no real
 * Affise settings.
 */
function pulumiEnvironment(cli: PulumiCli, dir: string, backend: string): NodeJS.ProcessEnv {
  const env = offlinePulumiEnv(cli, {
    backendDir: backend,
    home: path.join(dir, "pulumi-home"),
    passphrase: DEMO_PASSPHRASE,
  });
  // Stack config wins over these anyway; removing them makes sure the demo never reaches a real
  // Affise account through a variable left in the user's shell.
  for (const name of ["AFFISE_API_URL", "AFFISE_API_KEY", "PULUMI_CONFIG_PASSPHRASE_FILE"]) {
    delete env[name];
  }
  return env;
}

function nextSteps(destroyed: boolean): string {
  return destroyed
    ? "Removed. `npm run demo` creates the offers again.\n"
    : [
        "Next:",
        "  npm run demo                 again: Pulumi finds nothing to change",
        "  edit a payment in offers/, then npm run demo: the preview shows just that change",
        "  npm run demo -- --destroy    remove the offers",
        "",
      ].join("\n");
}

function failed(args: string[], code: number): number {
  process.stderr.write(`\nnpm run demo: \`pulumi ${args.join(" ")}\` failed (exit ${code}).\n`);
  return code;
}

function parseArgs(argv: string[]): DemoOptions | "help" {
  const options: DemoOptions = { destroy: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return "help";
    if (arg === "--destroy") options.destroy = true;
    else if (arg === "--dir" && argv[i + 1] !== undefined) options.dir = argv[++i];
    else throw new UsageError(`unknown option ${arg}`);
  }
  return options;
}

class UsageError extends Error {}

function shown(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative.startsWith("..") ? file : relative;
}

function say(text: string): void {
  process.stdout.write(`${text}\n`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(
      error instanceof UsageError
        ? `npm run demo: ${error.message}\n\n${USAGE}`
        : `npm run demo: ${error.message}\n`,
    );
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
