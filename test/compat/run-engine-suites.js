#!/usr/bin/env node
// Runs the engine-protocol suites (test/engine) against pulumi-affise as users get it: packed with
// `npm pack`, installed into a fresh Pulumi program directory, its `__provider` serialized there and
// Pulumi's provider host started there. Two programs:
//   1. the @pulumi/pulumi version this repository develops against, on this Node;
//   2. the newest @pulumi/pulumi on Node 22 (Node itself comes from the npm registry, as the
//      node-<platform>-<arch> package: a binary inside a package, no install script).
// Usage: node test/compat/run-engine-suites.js [--only current|newest]
"use strict";
const { execFileSync, spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const repo = path.resolve(__dirname, "../..");
const work = path.join(repo, "node_modules", ".cache", "pulumi-affise-compat");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const devSdk = require(path.join(repo, "node_modules/@pulumi/pulumi/package.json")).version;
const only = process.argv.includes("--only")
  ? process.argv[process.argv.indexOf("--only") + 1]
  : undefined;

const variants = [
  { key: "current", label: `@pulumi/pulumi ${devSdk} on Node ${process.version}`, sdk: devSdk },
  { key: "newest", label: "newest @pulumi/pulumi on Node 22", sdk: "latest", nodeMajor: 22 },
].filter((v) => !only || v.key === only);

function run(cmd, args, options = {}) {
  execFileSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"], ...options });
}

function quietNpm(args, cwd) {
  run(npm, [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd });
}

function nodeBinary(major) {
  const pkg = `node-${process.platform}-${process.arch}`;
  const dir = path.join(work, `node${major}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ private: true }));
  quietNpm(["install", `${pkg}@${major}`, "--ignore-scripts"], dir);
  const binary = path.join(dir, "node_modules", pkg, "bin", "node");
  const version = execFileSync(binary, ["--version"], { encoding: "utf8" }).trim();
  return { binary, version };
}

function main() {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  console.log("compat: packing pulumi-affise");
  const packed = JSON.parse(
    execFileSync(npm, ["pack", "--json", "--pack-destination", work], {
      cwd: repo,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  const tarball = path.join(work, packed[0].filename);

  let failed = false;
  for (const variant of variants) {
    const dir = path.join(work, `program-${variant.key}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify(
        {
          name: "offers-program",
          private: true,
          dependencies: { "@pulumi/pulumi": variant.sdk, "pulumi-affise": `file:${tarball}` },
        },
        null,
        2,
      ),
    );
    console.log(`compat: installing a Pulumi program with ${variant.label}`);
    quietNpm(["install", "--ignore-scripts"], dir);
    const node = variant.nodeMajor
      ? nodeBinary(variant.nodeMajor)
      : { binary: process.execPath, version: process.version };
    const sdk = require(path.join(dir, "node_modules/@pulumi/pulumi/package.json")).version;
    console.log(
      `compat: engine-protocol suites, package from ${path.basename(tarball)}, @pulumi/pulumi ${sdk}, host on Node ${node.version}`,
    );
    const result = spawnSync(
      process.execPath,
      [require.resolve("jest/bin/jest", { paths: [repo] }), "--ci", "test/engine"],
      {
        cwd: repo,
        stdio: "inherit",
        env: { ...process.env, AFFISE_TEST_PROGRAM_DIR: dir, AFFISE_TEST_NODE: node.binary },
      },
    );
    if (result.status !== 0) failed = true;
  }
  process.exit(failed ? 1 : 0);
}

main();
