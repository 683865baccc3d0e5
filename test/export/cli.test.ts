/** `affise-export-offers` as users run it (compiled, from dist/): usage, settings, output, exit codes. */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { builtScript, ROOT } from "../scripts/built";
import { seedAccount } from "./seed-account";

const API_KEY = "cli-export-sentinel-key-51c2";

let emulator: RunningEmulator;
let dir: string;
beforeAll(async () => {
  emulator = await startEmulator({ apiKey: API_KEY, port: 0 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "export-cli-"));
  await seedAccount(emulator.url, API_KEY, 3);
});
afterAll(async () => {
  await emulator.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Asynchronous, so the emulator in this process keeps answering while the command runs. */
function exportCommand(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { AFFISE_API_URL: _url, AFFISE_API_KEY: _key, ...inherited } = process.env;
  const child = spawn(process.execPath, [builtScript("export"), ...args], {
    cwd: ROOT,
    env: { ...inherited, ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

it("prints its usage with --help, and refuses an unknown status in one sentence", async () => {
  const help = await exportCommand(["--help"]);
  expect(help).toMatchObject({ code: 0, stderr: "" });
  expect(help.stdout).toMatch(/^Usage: affise-export-offers \[--status active,stopped\]/);
  const wrong = await exportCommand(["--status", "active,paused"]);
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toMatch(
    /^affise-export-offers: --status takes active, stopped, suspended \(got "paused"\)/,
  );
});

it("says which setting is missing", async () => {
  const result = await exportCommand(["--out", dir]);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/AFFISE_API_URL/);
});

it("exports with AFFISE_API_URL and AFFISE_API_KEY: a progress line on stderr, a summary on stdout, no key anywhere", async () => {
  const out = path.join(dir, "offers");
  const result = await exportCommand(["--out", out], {
    AFFISE_API_URL: emulator.url,
    AFFISE_API_KEY: API_KEY,
  });
  expect(result.code).toBe(0);
  expect(result.stderr).toMatch(/^offers 3\/3 \(\d+\.\d\/s, ETA 0s\)$/m);
  expect(result.stdout).toMatch(
    new RegExp(
      `^3 offers listed, 3 written to ${out}, 0 skipped \\(already in ${out}\\), 0 failed, in \\d+s\\.$`,
      "m",
    ),
  );
  expect(fs.readdirSync(out)).toHaveLength(3);
  expect(result.stdout + result.stderr).not.toContain(API_KEY);
  for (const file of fs.readdirSync(out))
    expect(fs.readFileSync(path.join(out, file), "utf8")).not.toContain(API_KEY);

  const again = await exportCommand(["--out", out, "--api-url", emulator.url], {
    AFFISE_API_KEY: API_KEY,
  });
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(/^3 offers listed, 0 written to .*, 3 skipped/m);
  expect(again.stdout).toMatch(/^Skipped: .*; --force rewrites them\.$/m);
});

it("fails with Affise's message, not the key, when the key is refused", async () => {
  const wrongKey = "wrong-key-0123456789";
  const result = await exportCommand(["--out", path.join(dir, "refused")], {
    AFFISE_API_URL: emulator.url,
    AFFISE_API_KEY: wrongKey,
  });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(
    /listing offers failed: .*Token is necessary|listing offers failed: .*401/,
  );
  expect(result.stdout + result.stderr).not.toContain(wrongKey);
});
