import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { builtScript, ROOT } from "./built";

interface Invocation {
  args: string[];
  cwd: string;
  backendExists: boolean;
  env: Record<string, string>;
  emulatorStatus?: number;
}

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** A bin folder whose only `pulumi` is the stand-in CLI (it logs to $FAKE_PULUMI_LOG). */
function fakePulumiOnPath(): string {
  const bin = tempDir("fake-pulumi-bin-");
  const fake = path.join(__dirname, "fixtures", "fake-pulumi.js");
  fs.writeFileSync(
    path.join(bin, "pulumi"),
    `#!/bin/sh\nexec "${process.execPath}" "${fake}" "$@"\n`,
    { mode: 0o755 },
  );
  return bin;
}

function runDemo(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [builtScript("demo"), ...args], { cwd: ROOT, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function invocations(log: string): Invocation[] {
  return fs
    .readFileSync(log, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Invocation);
}

describe("npm run demo without the Pulumi CLI", () => {
  it("stops with how to install it or Go: no stack trace, nothing started", async () => {
    const home = tempDir("home-");
    const dir = path.join(tempDir("demo-"), "state");
    const tools = tempDir("tools-");
    const { code, stdout, stderr } = await runDemo(["--dir", dir], {
      PATH: tempDir("empty-bin-"),
      HOME: home,
      PULUMI_AFFISE_TOOLS_DIR: tools,
    });

    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("The Pulumi CLI is not installed");
    expect(stderr).toContain("https://www.pulumi.com/docs/iac/download-install/");
    expect(stderr).toContain("curl -fsSL https://get.pulumi.com | sh");
    expect(stderr).toContain("brew install pulumi/tap/pulumi");
    expect(stderr).toContain("or install Go 1.26 or newer");
    expect(stderr).toContain("`npm run pulumi:cli`");
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(fs.existsSync(dir)).toBe(false);
    expect(fs.readdirSync(tools)).toEqual([]);
  });
});

describe("npm run demo, wired to a stand-in Pulumi CLI", () => {
  const dir = path.join(tempDir("demo-"), "state");
  const log = path.join(tempDir("log-"), "pulumi.log");
  const env: NodeJS.ProcessEnv = {
    PATH: fakePulumiOnPath(),
    HOME: tempDir("home-"),
    FAKE_PULUMI_LOG: log,
    // Left in a user's shell, these must not reach Pulumi: the demo talks to its emulator only.
    AFFISE_API_URL: "https://api-real.affise.com",
    AFFISE_API_KEY: "real-key",
  };
  const saved = () =>
    JSON.parse(fs.readFileSync(path.join(dir, "emulator.json"), "utf8")) as {
      port: number;
      apiKey: string;
    };
  let first: Awaited<ReturnType<typeof runDemo>>;

  beforeAll(async () => {
    first = await runDemo(["--dir", dir], env);
  });

  it("selects stack demo, sets the emulator's URL and key (secret), then runs pulumi up --refresh", () => {
    expect(first.code).toBe(0);
    const { port, apiKey } = saved();
    const url = `http://127.0.0.1:${port}`;
    expect(invocations(log).map((call) => call.args)).toEqual([
      ["stack", "select", "--create", "demo"],
      ["config", "set", "--stack", "demo", "affise:apiUrl", url],
      ["config", "set", "--stack", "demo", "--secret", "affise:apiKey", apiKey],
      ["up", "--refresh", "--yes", "--stack", "demo"],
    ]);
    expect(first.stdout).toContain(
      "$ pulumi config set --stack demo --secret affise:apiKey <demo key>",
    );
    expect(first.stdout).not.toContain(apiKey);
  });

  it("runs Pulumi in the repository with a local file backend under the demo folder", () => {
    for (const call of invocations(log)) {
      expect(call.cwd).toBe(ROOT);
      expect(call.backendExists).toBe(true);
      expect(call.env).toEqual({
        PULUMI_BACKEND_URL: `file://${path.join(dir, "backend")}`,
        PULUMI_CONFIG_PASSPHRASE: "pulumi-affise-demo",
      });
    }
  });

  it("keeps the emulator up and reachable with the configured key while pulumi up runs", () => {
    const up = invocations(log).find((call) => call.args[0] === "up");
    expect(up?.emulatorStatus).toBe(200);
  });

  it("prints the offers as the emulator now holds them", () => {
    const table = first.stdout.slice(first.stdout.indexOf("Offers in the Affise emulator now:"));
    const rows = table
      .split("\n")
      .slice(1, 6)
      .map((row) => row.trim().split(/\s{2,}/));
    expect(rows[0]).toEqual(["ID", "TITLE", "STATUS", "PAYMENTS", "PARTNER PAYMENTS"]);
    // Affise's own status (new offers start "stopped"): the table reports, it does not decide.
    const status = expect.stringMatching(/^(active|stopped|suspended)$/);
    expect(rows.slice(1).map(([, ...rest]) => rest)).toEqual(
      expect.arrayContaining([
        ["Help-centre example", status, "1", "1"],
        ["Fitness app install (CPI)", status, "2", "1"],
        ["Summer sale (revenue share)", status, "2", "0"],
        ["Holiday sweepstakes (every field)", "active", "1", "1"],
      ]),
    );
  });

  it("comes back on the same address, key and offers the next time, so Pulumi has nothing to do", async () => {
    const before = saved();
    fs.writeFileSync(log, "");
    const second = await runDemo(["--dir", dir], env);

    expect(second.code).toBe(0);
    expect(saved()).toEqual(before);
    expect(second.stdout).toContain("Resources: unchanged");
    expect(second.stdout.match(/^ {2}\d+ {2,}\S/gm)).toHaveLength(4);
  });

  it("runs pulumi destroy with --destroy, leaving no offers", async () => {
    fs.writeFileSync(log, "");
    const destroyed = await runDemo(["--dir", dir, "--destroy"], env);

    expect(destroyed.code).toBe(0);
    expect(invocations(log).at(-1)?.args).toEqual(["destroy", "--yes", "--stack", "demo"]);
    expect(destroyed.stdout).toContain("Offers in the Affise emulator now:\n  (no offers)");
  });

  it("passes a failed pulumi up on as its exit code, after showing the offers", async () => {
    const failed = await runDemo(["--dir", dir], { ...env, FAKE_PULUMI_FAIL_UP: "1" });

    expect(failed.code).toBe(255);
    expect(failed.stdout).toContain("Offers in the Affise emulator now:");
    expect(failed.stderr).toContain("npm run demo: `pulumi up` failed (exit 255).");
  });

  it("explains its options, and refuses unknown ones", async () => {
    expect(await runDemo(["--help"], env)).toMatchObject({ code: 0 });
    const wrong = await runDemo(["--destory"], env);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("npm run demo: unknown option --destory");
  });
});
