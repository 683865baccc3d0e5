import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { parse } from "yaml";
import { loadOfferFiles } from "../../program/offers";
import { ROOT } from "./built";

const EXAMPLES = ["basic", "gitops", "adopt-existing"];

/**
 * Type-checks an example with its own tsconfig, `pulumi-affise` mapped to this repository's
 * source: the examples are not part of the build, and installing their dependencies needs a
 * network. `@pulumi/pulumi` and the Node types resolve from the repository's node_modules.
 */
function typeErrors(example: string): string[] {
  const dir = path.join(ROOT, "examples", example);
  const configFile = ts.readConfigFile(path.join(dir, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, dir);
  const options: ts.CompilerOptions = {
    ...parsed.options,
    noEmit: true,
    baseUrl: ROOT,
    paths: {
      "pulumi-affise": ["provider/index.ts"],
      "pulumi-affise/program": ["program/offers/index.ts"],
    },
    types: ["node"],
  };
  const program = ts.createProgram(parsed.fileNames, options);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("examples/", () => {
  it.each(EXAMPLES)("%s type-checks against the package's public API", (example) => {
    expect(typeErrors(example)).toEqual([]);
  });

  it.each(EXAMPLES)(
    "%s depends on pulumi-affise and shares the program's @pulumi/pulumi",
    (example) => {
      const dir = path.join(ROOT, "examples", example);
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
      expect(manifest.dependencies["pulumi-affise"]).toBe("file:../..");
      expect(manifest.dependencies["@pulumi/pulumi"]).toBeDefined();
      expect(fs.readFileSync(path.join(dir, ".npmrc"), "utf8")).toMatch(/^install-links=true$/m);
      expect(parse(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")).runtime).toBe("nodejs");
    },
  );

  it.each(EXAMPLES)("%s: what following its README writes is git-ignored", (example) => {
    const written = ["package-lock.json", "node_modules/x"];
    if (example !== "gitops") written.push("Pulumi.dev.yaml");
    for (const file of written) {
      const relative = path.join("examples", example, file);
      const ignored = spawnSync("git", ["check-ignore", "-q", relative], { cwd: ROOT }).status;
      expect([relative, ignored]).toEqual([relative, 0]);
    }
  });

  it("gitops ships valid offer files", () => {
    const { offers, errors } = loadOfferFiles(path.join(ROOT, "examples", "gitops", "offers"));
    expect(errors).toEqual([]);
    expect(offers.length).toBeGreaterThan(0);
  });
});

describe("examples/gitops workflows", () => {
  const workflow = (name: string) =>
    parse(
      fs.readFileSync(path.join(ROOT, "examples", "gitops", ".github", "workflows", name), "utf8"),
    );
  const steps = (name: string) =>
    Object.values(workflow(name).jobs as Record<string, { steps: Record<string, unknown>[] }>)[0]
      .steps;
  const pulumiStep = (name: string) =>
    steps(name).find((step) => String(step.uses).startsWith("pulumi/actions@")) as {
      uses: string;
      with: Record<string, unknown>;
      env: Record<string, string>;
    };

  it("previews every pull request: npm ci, validate, then a refreshed preview with the guardrails, as one review comment", () => {
    expect(Object.keys(workflow("preview.yml").on)).toEqual(["pull_request"]);
    const run = steps("preview.yml").map((step) => String(step.run ?? step.uses));
    const at = (text: string) => run.findIndex((step) => step.includes(text));
    expect(at("npm ci")).toBeLessThan(at("npm run validate"));
    expect(at("npm run validate")).toBeLessThan(at("pulumi/actions@v7"));
    expect(at("pulumi/actions@v7")).toBeLessThan(at("pulumi preview"));
    expect(at("pulumi preview")).toBeLessThan(at("affise-review"));
    const preview = run[at("pulumi preview")];
    for (const flag of ["--refresh", "--json", "--policy-pack node_modules/pulumi-affise/policy"]) {
      expect(preview).toContain(flag);
    }
    expect(preview).toContain("--policy-pack-config guardrails.json");
    // One comment per pull request, updated in place on every push.
    expect(run[at("affise-review")]).toMatch(/gh pr comment .*--edit-last --create-if-none/s);
    // An adoption shows as a create in any preview; the review reads the offer to show what changes.
    expect(run[at("affise-review")]).toContain("--read-affise");
    expect(run[run.length - 1]).toContain("exit 1");
    expect(fs.existsSync(path.join(ROOT, "examples", "gitops", "guardrails.json"))).toBe(true);
  });

  it("applies on merge to main with pulumi up", () => {
    expect(workflow("up.yml").on.push.branches).toEqual(["main"]);
    expect(pulumiStep("up.yml").with).toMatchObject({ command: "up" });
  });

  it.each(["preview.yml", "up.yml"])("%s takes its credentials from repository secrets", (name) => {
    const job = Object.values(
      workflow(name).jobs as Record<string, { env?: Record<string, string> }>,
    )[0];
    const env = { ...job.env, ...(name === "up.yml" ? pulumiStep(name).env : {}) };
    expect(env).toMatchObject({
      PULUMI_ACCESS_TOKEN: "${{ secrets.PULUMI_ACCESS_TOKEN }}",
      AFFISE_API_KEY: "${{ secrets.AFFISE_API_KEY }}",
    });
  });
});
