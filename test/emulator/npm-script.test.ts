import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");

/** `npm run emulator` as a user starts it, in its own process group so a test can clean up. */
function startViaNpm(): Promise<{ npm: ChildProcess; port: number }> {
  const npm = spawn("npm", ["run", "-s", "emulator", "--", "--port", "0", "--api-key", "k"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolveStart, reject) => {
    let output = "";
    npm.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) resolveStart({ npm, port: Number(match[1]) });
    });
    npm.on("exit", (code) => reject(new Error(`npm run emulator exited with ${code}: ${output}`)));
  });
}

function exited(child: ChildProcess): Promise<unknown> {
  return new Promise((done) => child.once("exit", done));
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((answer) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      answer(true);
    });
    socket.once("error", () => answer(false));
  });
}

describe("npm run emulator", () => {
  let started: ChildProcess | undefined;
  afterEach(() => {
    // Whatever the outcome, nothing this test started may outlive it.
    try {
      if (started?.pid) process.kill(-started.pid, "SIGKILL");
    } catch {
      // already gone
    }
  });

  it.each(["SIGTERM", "SIGINT"] as const)(
    "stops and frees its port when npm is sent %s",
    async (signal) => {
      const { npm, port } = await startViaNpm();
      started = npm;
      expect(await portAnswers(port)).toBe(true);
      const gone = exited(npm);
      npm.kill(signal);
      await gone;
      expect(await portAnswers(port)).toBe(false);
    },
    240_000,
  );
});
