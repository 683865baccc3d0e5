import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ROOT } from "./built";

describe("the compat matrix without the npm registry", () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "compat-offline-"));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it("stops with one clear sentence, no resolver error and no stack trace", () => {
    const result = spawnSync(
      process.execPath,
      [path.join(ROOT, "test", "compat", "run-engine-suites.js"), "--only", "current"],
      {
        cwd: ROOT,
        encoding: "utf8",
        env: {
          ...process.env,
          AFFISE_COMPAT_CACHE: path.join(scratch, "work"),
          npm_config_cache: path.join(scratch, "npm-cache"),
          npm_config_offline: "true",
        },
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("`npm ci --prefer-offline` failed in");
    expect(result.stderr).toContain("is this machine offline?");
    expect(result.stderr).not.toMatch(/ERESOLVE|@undefined|\n\s+at /);
  });
});
