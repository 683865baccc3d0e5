import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { builtScript, ROOT } from "./built";

const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

function run(args: string[]) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("--help on every command", () => {
  it("npm run bench -- --help prints its usage and exits 0, running nothing", () => {
    const { code, stdout, stderr } = run([TSX, "bench/run.ts", "--help"]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toMatch(/^usage: npm run bench -- \[options\]\n/);
    expect(stdout).toContain("--write");
  });

  it("npm run bench refuses an unknown option with exit 2", () => {
    const { code, stderr } = run([TSX, "bench/run.ts", "--bogus"]);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown option "--bogus"');
  });

  it("npm run schema -- --help prints its usage and writes nothing", () => {
    const schema = path.join(ROOT, "schema", "offer.schema.json");
    const before = fs.statSync(schema).mtimeMs;
    const { code, stdout } = run([builtScript("schema"), "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run schema\n/);
    expect(stdout).not.toContain("up to date");
    expect(fs.statSync(schema).mtimeMs).toBe(before);
  });

  it("npm run schema refuses an unknown option with exit 2", () => {
    expect(run([builtScript("schema"), "--check"])).toMatchObject({ code: 2, stdout: "" });
  });

  it("the demo's usage shows options as npm takes them, after a single --", () => {
    const { code, stdout } = run([builtScript("demo"), "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run demo -- \[--destroy\] \[--dir <folder>\]\n/);
    expect(stdout).not.toContain("-- --dir");
    expect(stdout).not.toMatch(/\[-- --/);
  });
});
