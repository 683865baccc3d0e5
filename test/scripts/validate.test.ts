import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { builtScript, ROOT } from "./built";

const broken = path.join("test", "program", "fixtures", "broken");
const good = path.join("test", "program", "fixtures", "good");

function validate(args: string[], env: NodeJS.ProcessEnv = {}) {
  const { GITHUB_ACTIONS: _, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [builtScript("validate"), ...args], {
    cwd: ROOT,
    env: { ...inherited, ...env },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe("npm run validate", () => {
  it("exits 0 for the repository's offers/ (the default folder)", () => {
    expect(validate([])).toEqual({
      code: 0,
      stdout: "4 offers in offers: all valid.\n",
      stderr: "",
    });
  });

  it("exits 1 and prints every problem as file:line path: message", () => {
    const { code, stdout, stderr } = validate([broken]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toContain(
      `${broken}/bad-payment.yaml:8 payments[0].currency: must be a three-letter currency code, such as USD (got "US")`,
    );
    expect(lines).toContain(`${broken}/nested/missing-payments.yaml url: is required`);
    expect(lines.at(-1)).toBe(`30 problems in ${broken}; nothing was sent anywhere.`);
  });

  it("fails a tree that is valid but for one file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "offers-"));
    temporary.push(dir);
    fs.cpSync(path.join(ROOT, "offers"), dir, { recursive: true });
    fs.copyFileSync(path.join(ROOT, broken, "partner-payment.yaml"), path.join(dir, "vip.yaml"));

    const { code, stderr } = validate([dir]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${dir}/vip.yaml:7 partnerPayments[0].partners: must list`);
    expect(stderr).toContain(`3 problems in ${dir}`);
  });

  it("accepts a folder given on the command line, sub-folders and .yml included", () => {
    expect(validate([good])).toMatchObject({
      code: 0,
      stdout: `2 offers in ${good}: all valid.\n`,
    });
  });

  it("exits 1 for a folder that does not exist", () => {
    const { code, stderr } = validate(["no-such-offers"]);
    expect(code).toBe(1);
    expect(stderr).toContain("no-such-offers: no such folder");
  });

  it("exits 2 with usage on unknown options", () => {
    expect(validate(["--strict"])).toMatchObject({ code: 2, stdout: "" });
  });

  it("annotates the pull request's diff on GitHub Actions", () => {
    const { code, stdout } = validate([broken], { GITHUB_ACTIONS: "true" });
    expect(code).toBe(1);
    expect(stdout).toContain(
      `::error file=${broken}/bad-payment.yaml,line=8::payments[0].currency: must be a three-letter currency code`,
    );
    expect(stdout.split("\n").filter((line) => line.startsWith("::error "))).toHaveLength(30);
  });
});
