import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { builtScript, ROOT } from "./built";

interface GoCall {
  args: string[];
  cwd: string;
  env: { CGO_ENABLED?: string; GOFLAGS?: string };
}

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

function binWith(name: string, script: string): string {
  const bin = tempDir(`fake-${name}-bin-`);
  fs.writeFileSync(path.join(bin, name), script, { mode: 0o755 });
  return bin;
}

const fakeGoBin = () =>
  binWith(
    "go",
    `#!/bin/sh\nexec "${process.execPath}" "${path.join(__dirname, "fixtures", "fake-go.js")}" "$@"\n`,
  );

function runPulumiCli(env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [builtScript("pulumi-cli")], { cwd: ROOT, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function goCalls(log: string): GoCall[] {
  if (!fs.existsSync(log)) return [];
  const text = fs.readFileSync(log, "utf8").trim();
  return text ? text.split("\n").map((line) => JSON.parse(line) as GoCall) : [];
}

describe("npm run pulumi:cli with Go and no pulumi on PATH", () => {
  const tools = tempDir("tools-");
  const bin = path.join(tools, "bin");
  const log = path.join(tempDir("go-log-"), "go.log");
  const env: NodeJS.ProcessEnv = {
    PATH: fakeGoBin(),
    HOME: tempDir("home-"),
    PULUMI_AFFISE_TOOLS_DIR: tools,
    FAKE_GO_LOG: log,
    FAKE_GO_PACKAGES: "250",
  };
  let first: Awaited<ReturnType<typeof runPulumiCli>>;

  beforeAll(async () => {
    first = await runPulumiCli(env);
  });

  it("builds the CLI 3.248.0 (version stamped) and the language host from tools/pulumi, without cgo", () => {
    expect(first.code).toBe(0);
    const version = "github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v3.248.0";
    expect(goCalls(log)).toEqual([
      {
        args: [
          "build",
          "-v",
          "-o",
          path.join(bin, "pulumi"),
          "-ldflags",
          `-X ${version}`,
          "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi",
        ],
        cwd: path.join(ROOT, "tools", "pulumi"),
        env: { CGO_ENABLED: "0", GOFLAGS: "-buildvcs=false" },
      },
      {
        args: ["build", "-v", "-o", path.join(bin, "pulumi-language-nodejs"), "./language-nodejs"],
        cwd: path.join(ROOT, "tools", "pulumi"),
        env: { CGO_ENABLED: "0", GOFLAGS: "-buildvcs=false" },
      },
    ]);
  });

  it("puts @pulumi/pulumi's dynamic-provider shim beside them, executable", () => {
    const shim = path.join(bin, "pulumi-resource-pulumi-nodejs");
    const shipped = path.join(ROOT, "node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs");
    expect(fs.readFileSync(shim, "utf8")).toBe(fs.readFileSync(shipped, "utf8"));
    expect(fs.statSync(shim).mode & 0o111).not.toBe(0);
  });

  it("shows progress while Go compiles, then where the CLI is", () => {
    expect(first.stdout).toContain(`Building the Pulumi CLI 3.248.0 with Go into ${bin}`);
    expect(first.stdout).toMatch(/ {2}pulumi: 100 packages compiled \(\d+s\)/);
    expect(first.stdout).toMatch(/ {2}pulumi: 200 packages compiled \(\d+s\)/);
    expect(first.stdout).toMatch(/ {2}pulumi: done, 250 packages compiled/);
    expect(first.stdout).toMatch(/ {2}pulumi-language-nodejs: done, 250 packages compiled/);
    expect(first.stdout).toContain(`Pulumi CLI v3.248.0 (built): ${path.join(bin, "pulumi")}`);
  });

  it("reuses the build the next time, without calling Go", async () => {
    fs.writeFileSync(log, "");
    const second = await runPulumiCli(env);

    expect(second.code).toBe(0);
    expect(goCalls(log)).toEqual([]);
    expect(second.stdout).toContain(`(built earlier): ${path.join(bin, "pulumi")}`);
  });

  it("builds again when the tools were built from other sources", async () => {
    fs.writeFileSync(path.join(bin, ".built-from"), "an older tools/pulumi\n");
    fs.writeFileSync(log, "");
    const again = await runPulumiCli(env);

    expect(again.code).toBe(0);
    expect(goCalls(log)).toHaveLength(2);
  });

  it("reports a failed build with Go's message, and builds again on the next run", async () => {
    fs.writeFileSync(path.join(bin, ".built-from"), "an older tools/pulumi\n");
    const failed = await runPulumiCli({ ...env, FAKE_GO_FAIL: "1" });

    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("npm run pulumi:cli: go build of pulumi failed (exit 1):");
    expect(failed.stderr).toContain("undefined: somethingMissing");
    expect(failed.stderr).not.toMatch(/^\s+at /m);
    fs.writeFileSync(log, "");
    expect((await runPulumiCli(env)).code).toBe(0);
    expect(goCalls(log)).toHaveLength(2);
  });
});

describe("npm run pulumi:cli with pulumi on PATH", () => {
  it("uses it and builds nothing", async () => {
    const log = path.join(tempDir("go-log-"), "go.log");
    const pulumiBin = binWith("pulumi", "#!/bin/sh\necho v3.250.1\n");
    const tools = tempDir("tools-");
    const { code, stdout } = await runPulumiCli({
      PATH: [pulumiBin, fakeGoBin()].join(path.delimiter),
      HOME: tempDir("home-"),
      PULUMI_AFFISE_TOOLS_DIR: tools,
      FAKE_GO_LOG: log,
    });

    expect(code).toBe(0);
    expect(stdout).toBe(`Pulumi CLI v3.250.1 (installed): ${path.join(pulumiBin, "pulumi")}\n`);
    expect(goCalls(log)).toEqual([]);
    expect(fs.readdirSync(tools)).toEqual([]);
  });
});

describe("npm run pulumi:cli with neither pulumi nor Go", () => {
  it("says how to install either, and exits 1", async () => {
    const { code, stdout, stderr } = await runPulumiCli({
      PATH: tempDir("empty-bin-"),
      HOME: tempDir("home-"),
      PULUMI_AFFISE_TOOLS_DIR: tempDir("tools-"),
    });

    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("The Pulumi CLI is not installed");
    expect(stderr).toContain("or install Go 1.26 or newer");
  });
});
