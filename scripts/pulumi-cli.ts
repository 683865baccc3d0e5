/**
 * `npm run pulumi:cli`: makes a Pulumi CLI available without the internet and prints where it is.
 * Uses `pulumi` from PATH if there is one; otherwise builds Pulumi 3.248.0 with Go from the Go
 * module proxy into the git-ignored .tools/pulumi/bin/ (once; later runs reuse it).
 */
import { spawnSync } from "node:child_process";
import { INSTALL_HELP } from "./demo/pulumi-cli";
import { provisionPulumiCli } from "./pulumi/provision";
import { repoRoot } from "./repo-root";

async function main(): Promise<number> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const cli = await provisionPulumiCli({ root: repoRoot(), env: process.env, say, build: true });
  if (!cli) {
    process.stderr.write(INSTALL_HELP);
    return 1;
  }
  const env = { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" };
  const version = spawnSync(cli.cli, ["version"], { encoding: "utf8", env }).stdout?.trim();
  say(`Pulumi CLI ${version || "(version unknown)"} (${cli.source}): ${cli.cli}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(`npm run pulumi:cli: ${error.message}\n`);
    process.exitCode = 1;
  },
);
