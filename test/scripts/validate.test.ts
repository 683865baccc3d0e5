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

  it("validates a single file given on the command line", () => {
    expect(validate([path.join(good, "minimal.yaml")])).toEqual({
      code: 0,
      stdout: `1 offer in ${good}/minimal.yaml: all valid.\n`,
      stderr: "",
    });
    const { code, stderr } = validate([path.join(broken, "bad-payment.yaml")]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${broken}/bad-payment.yaml:8 payments[0].currency:`);
    expect(stderr).not.toContain("wrong-types.yaml");
  });

  it("refuses a file that is not an offer file, saying what it takes", () => {
    const { code, stderr } = validate([path.join(broken, "notes.txt")]);
    expect(code).toBe(1);
    expect(stderr).toContain("notes.txt: is not an offer file (*.yaml or *.yml) nor a folder");
  });

  it("fails an empty folder unless --allow-empty says deleting every offer is meant", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "offers-empty-"));
    temporary.push(dir);
    const refused = validate([dir]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain(`${dir}: no offer files`);
    expect(refused.stderr).toContain("--allow-empty");
    expect(validate(["--allow-empty", dir])).toEqual({
      code: 0,
      stdout: `0 offers in ${dir}: all valid.\n`,
      stderr: "",
    });
  });

  it("fails a missing folder even with --allow-empty (a typo must not pass)", () => {
    expect(validate(["--allow-empty", "no-such-offers"])).toMatchObject({ code: 1 });
  });

  it("shows every problem in one run: a broken offer's clashing name and twin payments too", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "offers-all-"));
    temporary.push(dir);
    fs.copyFileSync(path.join(ROOT, good, "minimal.yaml"), path.join(dir, "a.yaml"));
    const twin = "  - { countries: [DE], total: 2, revenue: 1, currency: EUR, type: fixed }\n";
    fs.writeFileSync(
      path.join(dir, "b.yaml"),
      `name: a\ntitle: B\nadvertiser: nope\nurl: https://example.com\npayments:\n${twin}${twin}`,
    );
    const { code, stderr } = validate([dir]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${dir}/b.yaml:3 advertiser:`);
    expect(stderr).toContain(`${dir}/b.yaml:7 payments[1]: is the same payment as payments[0]`);
    expect(stderr).toContain(`${dir}/b.yaml:1 name: resource name "a" is already used by`);
    expect(stderr).toContain(`3 problems in ${dir}`);
  });

  it("prints usage naming the installed command, or the npm script in this repository", () => {
    const installed = validate(["--help"]);
    expect(installed).toMatchObject({ code: 0, stderr: "" });
    expect(installed.stdout).toMatch(/^Usage: affise-validate-offers \[--allow-empty\] /);
    expect(installed.stdout).not.toContain("npm run");
    const script = validate(["--help"], {
      npm_package_name: "pulumi-affise",
      npm_lifecycle_event: "validate",
    });
    expect(script.stdout).toMatch(/^Usage: npm run validate -- \[--allow-empty\] /);
  });

  it("runs as `npm run validate` from the sources, with or without dist/", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(manifest.scripts.validate).not.toContain("dist/");
    const result = spawnSync("npm", ["run", "-s", "validate", "--", good], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect({ code: result.status, stdout: result.stdout }).toEqual({
      code: 0,
      stdout: `2 offers in ${good}: all valid.\n`,
    });
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

  it("cannot be made to forge a workflow command: keys and file names with line breaks stay data", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "offers-forged-"));
    temporary.push(dir);
    const offer = fs.readFileSync(
      path.join(ROOT, "test/program/fixtures/good/minimal.yaml"),
      "utf8",
    );
    const forged = "::warning file=README.md,line=1::forged";
    fs.writeFileSync(path.join(dir, "key.yaml"), `${offer}"x\\n${forged}\\r\\n%0A": 1\n`);
    fs.writeFileSync(path.join(dir, `name\n${forged}.yaml`), `${offer}colour: red\n`);

    const { code, stdout, stderr } = validate([dir], { GITHUB_ACTIONS: "true" });
    expect(code).toBe(1);
    for (const line of [...stdout.split("\n"), ...stderr.split("\n")]) {
      expect(line).not.toMatch(/^\s*::(?!error file=)/);
    }
    const annotations = stdout.split("\n").filter((line) => line.startsWith("::error "));
    expect(annotations).toHaveLength(3);
    expect(annotations.join("\n")).toContain("%0A::warning file=README.md,line=1::forged");
    expect(annotations.join("\n")).toContain("%250A");
    expect(annotations.join("\n")).toContain(
      "name%0A%3A%3Awarning file=README.md%2Cline=1%3A%3Aforged",
    );
  });
});

describe("two files naming the same Affise offer", () => {
  const offer = (extra: string) =>
    "title: T\nadvertiser: 5e39279bac611cda7e5765ab\nurl: https://example.com/x\n" +
    "payments:\n  - { total: 1, revenue: 1, currency: USD, type: fixed }\n" +
    extra;

  it("refuses the same externalOfferId or adoptId in two files, pointing at the line and the first file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "offers-shared-"));
    temporary.push(dir);
    fs.writeFileSync(path.join(dir, "a.yaml"), offer("externalOfferId: crm-1\nadoptId: 41\n"));
    fs.writeFileSync(path.join(dir, "b.yaml"), offer("externalOfferId: crm-1\n"));
    fs.writeFileSync(path.join(dir, "c.yaml"), offer("adoptId: 41\n"));
    fs.writeFileSync(path.join(dir, "d.yaml"), offer("externalOfferId: crm-2\nadoptId: 42\n"));
    const { code, stderr } = validate([dir]);
    expect(code).toBe(1);
    expect(stderr.trimEnd().split("\n")).toEqual([
      `${dir}/b.yaml:6 externalOfferId: "crm-1" is already the externalOfferId of ${dir}/a.yaml; two offers managing one Affise offer would overwrite each other, so keep it in one file`,
      `${dir}/c.yaml:6 adoptId: 41 is already the adoptId of ${dir}/a.yaml; two offers managing one Affise offer would overwrite each other, so keep it in one file`,
      "",
      `2 problems in ${dir}; nothing was sent anywhere.`,
    ]);
  });
});
