#!/usr/bin/env node
// Runs the engine-protocol suites (test/engine) against pulumi-affise as users get it: packed with
// `npm pack`, installed into a Pulumi program, its `__provider` serialized there and Pulumi's
// provider host started there. The programs are pinned (test/compat/programs/<name>/, each with
// its lockfile; a program's `compatNode` pins the Node that runs its host), so a run does not
// depend on what the registry publishes later.
// Usage: node test/compat/run-engine-suites.js [--only <program>] [--newest] [--update-locks]
//   --newest        instead: the newest @pulumi/pulumi on the newest Node 22, resolved now
//   --update-locks  rewrite the programs' lockfiles from their package.json files
"use strict";
const { execFileSync, spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const programs = require("./programs");
const { checkUserProgram } = require("./user-program");

const repo = path.resolve(__dirname, "../..");
const work =
  process.env.AFFISE_COMPAT_CACHE ||
  path.join(repo, "node_modules", ".cache", "pulumi-affise-compat");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function option(name) {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

/** Packs the built package (npm test builds first; build here if dist/ is missing). */
function pack() {
  if (!fs.existsSync(path.join(repo, "dist", "provider", "index.js"))) {
    execFileSync(npm, ["run", "-s", "build"], { cwd: repo, stdio: "inherit" });
  }
  const [packed] = JSON.parse(
    execFileSync(npm, ["pack", "--json", "--ignore-scripts", "--pack-destination", work], {
      cwd: repo,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  const tarball = path.join(work, "pulumi-affise.tgz");
  fs.renameSync(path.join(work, packed.filename), tarball);
  return { tarball, filename: packed.filename };
}

/** The programs to run: [{ label, dir, node }]. */
function prepare(tarball, filename) {
  if (process.argv.includes("--newest")) {
    const dir = programs.installNewest(work, tarball);
    const node = programs.nodeBinary(work, newestNode22());
    return [{ label: "newest @pulumi/pulumi on the newest Node 22", dir, node }];
  }
  const only = option("--only");
  const selected = programs.pinnedPrograms().filter((p) => !only || p.name === only);
  if (selected.length === 0) throw new programs.CompatError(`no compat program named ${only}`);
  return selected.map((program) => {
    const node = program.nodeVersion
      ? programs.nodeBinary(work, program.nodeVersion)
      : process.execPath;
    const nodeVersion = program.nodeVersion ? `v${program.nodeVersion}` : process.version;
    console.log(`compat: ${program.name}: @pulumi/pulumi ${program.sdk} on Node ${nodeVersion}`);
    const dir = programs.installPinned(program, work, tarball, nodeVersion);
    if (fs.existsSync(path.join(dir, "node_modules", "typescript")))
      checkUserProgram(dir, filename);
    return { label: program.name, dir, node };
  });
}

function newestNode22() {
  const pkg = `node-${process.platform}-${process.arch}`;
  let versions;
  try {
    versions = JSON.parse(
      execFileSync(npm, ["view", `${pkg}@22`, "version", "--json"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }),
    );
  } catch {
    throw new programs.CompatError(
      `cannot ask the npm registry for ${pkg}@22: is this machine offline?`,
    );
  }
  return [].concat(versions).at(-1);
}

function runSuites({ label, dir, node }) {
  const sdk = programs.readJson(path.join(dir, "node_modules/@pulumi/pulumi/package.json")).version;
  const nodeVersion = execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
  console.log(
    `compat: ${label}: engine-protocol suites, @pulumi/pulumi ${sdk}, host on Node ${nodeVersion}`,
  );
  const result = spawnSync(
    process.execPath,
    [require.resolve("jest/bin/jest", { paths: [repo] }), "--ci", "test/engine"],
    {
      cwd: repo,
      stdio: "inherit",
      env: { ...process.env, AFFISE_TEST_PROGRAM_DIR: dir, AFFISE_TEST_NODE: node },
    },
  );
  return result.status === 0;
}

function main() {
  fs.mkdirSync(work, { recursive: true });
  console.log("compat: packing pulumi-affise");
  const { tarball, filename } = pack();
  if (process.argv.includes("--update-locks")) {
    programs.updateLocks(work, tarball);
    return 0;
  }
  const results = prepare(tarball, filename).map(runSuites);
  return results.every(Boolean) ? 0 : 1;
}

try {
  process.exitCode = main();
} catch (error) {
  if (!(error instanceof programs.CompatError)) throw error;
  process.stderr.write(`\ncompat: ${error.message}\n`);
  process.exitCode = 1;
}
