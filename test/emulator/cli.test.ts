import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseCliArgs } from "../../emulator/cli-args";
import { API_KEY, HELP_CENTRE_CREATE, TestClient } from "./helpers";

const CLI = resolve(__dirname, "../../dist/emulator/cli.js");

/** Starts the built CLI and resolves with its URL once it prints the listening line. */
function startCli(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
  if (!existsSync(CLI))
    throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
  const child = spawn(process.execPath, [CLI, ...args]);
  return new Promise((resolveStart, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Affise emulator listening on (http:\/\/\S+)/.exec(output);
      if (match) resolveStart({ child, url: match[1] });
    });
    child.on("exit", (code) => reject(new Error(`CLI exited with ${code} before listening`)));
  });
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolveExit) => child.on("exit", (code) => resolveExit(code)));
}

describe("the command line", () => {
  let directory: string;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), "affise-emulator-cli-"));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("prints its URL, serves the API, and exits cleanly on SIGTERM", async () => {
    const { child, url } = await startCli(["--port", "0", "--api-key", API_KEY]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = new TestClient(url);
    expect((await client.post("/3.0/admin/offer", HELP_CENTRE_CREATE)).status).toBe(200);
    const exited = exitOf(child);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("keeps offers across restarts with --data, and stops on SIGINT", async () => {
    const dataFile = join(directory, "cli.sqlite");
    const first = await startCli(["--port", "0", "--api-key", API_KEY, "--data", dataFile]);
    const created = await new TestClient(first.url).post("/3.0/admin/offer", HELP_CENTRE_CREATE);
    const firstExit = exitOf(first.child);
    first.child.kill("SIGINT");
    expect(await firstExit).toBe(0);

    const second = await startCli(["--port", "0", "--api-key", API_KEY, "--data", dataFile]);
    const read = await new TestClient(second.url).get(`/3.0/offer/${created.json.offer.id}`);
    expect(read.json.offer).toEqual(created.json.offer);
    const secondExit = exitOf(second.child);
    second.child.kill("SIGTERM");
    expect(await secondExit).toBe(0);
  });

  it("applies fault flags from the command line", async () => {
    const { child, url } = await startCli([
      "--port",
      "0",
      "--api-key",
      API_KEY,
      "--fail-next",
      "1",
      "--fail-status",
      "502",
    ]);
    const client = new TestClient(url);
    expect((await client.get("/3.1/devices")).status).toBe(502);
    expect((await client.get("/3.1/devices")).status).toBe(200);
    const exited = exitOf(child);
    child.kill("SIGTERM");
    await exited;
  });

  it("prints one line per API request to stderr with --log", async () => {
    const { child, url } = await startCli(["--port", "0", "--api-key", API_KEY, "--log"]);
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    await new TestClient(url).get("/3.1/devices");
    await new TestClient(url, "wrong").get("/3.0/offers");
    const exited = exitOf(child);
    child.kill("SIGTERM");
    await exited;
    expect(stderr).toMatch(/GET \/3\.1\/devices 200\n/);
    expect(stderr).toMatch(/GET \/3\.0\/offers 401\n/);
    expect(stderr).not.toContain(API_KEY);
  });

  it("refuses to start without --api-key and says why", async () => {
    const child = spawn(process.execPath, [CLI, "--port", "0"]);
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitOf(child)).toBe(2);
    expect(stderr).toContain("--api-key is required");
  });
});

describe("parsing command-line options", () => {
  it("maps every flag onto the emulator's options and faults", () => {
    const parsed = parseCliArgs([
      "--port=4011",
      "--api-key",
      "k",
      "--data",
      "/tmp/x.sqlite",
      "--latency-ms",
      "25",
      "--rate-limit",
      "20",
      "--rate-burst",
      "5",
      "--retry-after",
      "--fail-next",
      "3",
      "--fail-status",
      "429",
      "--drop-after-commit",
      "2",
      "--log",
    ]);
    expect(parsed).toEqual({
      options: {
        apiKey: "k",
        port: 4011,
        host: "127.0.0.1",
        dataFile: "/tmp/x.sqlite",
        latencyMs: 25,
        rateLimit: { requestsPerSecond: 20, burst: 5, retryAfterHeader: true },
        log: true,
      },
      faults: { failNext: { count: 3, status: 429 }, dropAfterCommit: 2 },
    });
  });

  it("sets the tenant's read-back code case and an affiliate's key", () => {
    const parsed = parseCliArgs(["--api-key", "k", "--code-case", "as-sent", "--affiliate-key=a1"]);
    expect(parsed).toMatchObject({ options: { codeCase: "as-sent", affiliateApiKeys: ["a1"] } });
  });

  it("defaults to port 4010 on 127.0.0.1 with no faults", () => {
    expect(parseCliArgs(["--api-key", "k"])).toEqual({
      options: {
        apiKey: "k",
        port: 4010,
        host: "127.0.0.1",
        dataFile: undefined,
        latencyMs: 0,
        rateLimit: undefined,
        log: false,
      },
      faults: {},
    });
  });

  it.each([
    [["--api-key", "k", "--bogus"], "unknown option --bogus"],
    [["--api-key", "k", "--port"], "--port needs a value"],
    [["--api-key", "k", "--fail-status", "503"], "--fail-status must be 500, 502 or 429"],
    [["--api-key", "k", "--latency-ms", "-1"], "--latency-ms must be a non-negative number"],
    [["--api-key", "k", "--code-case", "upper"], "--code-case must be lower or as-sent"],
  ])("refuses %j", (args, message) => {
    expect(() => parseCliArgs(args)).toThrow(message);
  });
});
