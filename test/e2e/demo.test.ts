/**
 * The README's main job, `npm run demo`, with the real Pulumi CLI: this repository's own program
 * (dist/program) applied to the embedded emulator, a second run that changes nothing, and destroy.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describeWithPulumi } from "./cli";
import { ROOT } from "../../harness/cli-stack";

function demo(...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, "dist", "scripts", "demo.js"), ...args],
      {
        cwd: ROOT,
      },
    );
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

describeWithPulumi("npm run demo with the real Pulumi CLI", () => {
  jest.setTimeout(600_000);
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-affise-demo-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("applies offers/ to the emulator, then finds nothing to change, then destroys", async () => {
    const first = await demo("--dir", dir);
    expect(first.output).not.toMatch(/error/i);
    expect(first.code).toBe(0);
    // The stack, its ownership mark and one offer per file under offers/.
    expect(first.output).toMatch(/\+ 6 created/);
    expect(first.output).toContain("Help-centre example");

    const second = await demo("--dir", dir);
    expect(second.code).toBe(0);
    expect(second.output).toMatch(/6 unchanged/);

    const destroyed = await demo("--dir", dir, "--destroy");
    expect(destroyed.code).toBe(0);
    expect(destroyed.output).toMatch(/- 6 deleted/);
  });
});
