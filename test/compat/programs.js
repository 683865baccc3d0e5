// Installs the compat programs (test/compat/programs/<name>/): package.json and package-lock.json
// checked into the repository, so a run installs exactly what the lockfile says, whatever the
// registry publishes later. An installed program is kept under node_modules/.cache, keyed by a hash
// of its lockfile and Node version, and reused; only pulumi-affise is replaced on every run.
"use strict";
const { execFileSync } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const repo = path.resolve(__dirname, "../..");
const programsDir = path.join(__dirname, "programs");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const TARBALL = "pulumi-affise.tgz";
const LOCK_ENTRY = "node_modules/pulumi-affise";

class CompatError extends Error {}

function npmQuiet(args, cwd) {
  try {
    execFileSync(npm, [...args, "--no-audit", "--no-fund", "--loglevel=error"], {
      cwd,
      stdio: ["ignore", "ignore", "pipe"],
      encoding: "utf8",
    });
  } catch (error) {
    const output = String(error.stderr || "").trim();
    throw new CompatError(
      `\`npm ${args.join(" ")}\` failed in ${path.relative(repo, cwd)}` +
        (output ? `:\n${output.split("\n").slice(-6).join("\n")}` : "") +
        "\nThe pinned programs come from the npm registry the first time (then they are reused " +
        "from node_modules/.cache/pulumi-affise-compat): is this machine offline?",
    );
  }
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** The pinned programs, as checked into test/compat/programs/. */
function pinnedPrograms() {
  return fs
    .readdirSync(programsDir)
    .sort()
    .map((name) => {
      const dir = path.join(programsDir, name);
      const manifest = readJson(path.join(dir, "package.json"));
      return {
        name,
        sourceDir: dir,
        manifestText: fs.readFileSync(path.join(dir, "package.json"), "utf8"),
        lockText: fs.existsSync(path.join(dir, "package-lock.json"))
          ? fs.readFileSync(path.join(dir, "package-lock.json"), "utf8")
          : "",
        sdk: manifest.dependencies["@pulumi/pulumi"],
        nodeVersion: manifest.compatNode,
      };
    });
}

/** A Node binary of exactly this version, from the npm registry (node-<platform>-<arch>). */
function nodeBinary(work, version) {
  const pkg = `node-${process.platform}-${process.arch}`;
  const dir = path.join(work, `node-${version}`);
  const binary = path.join(dir, "node_modules", pkg, "bin", "node");
  if (!fs.existsSync(binary)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ private: true }));
    npmQuiet(["install", `${pkg}@${version}`, "--ignore-scripts", "--prefer-offline"], dir);
  }
  const actual = execFileSync(binary, ["--version"], { encoding: "utf8" }).trim();
  if (actual !== `v${version}`) throw new CompatError(`${binary} is ${actual}, not v${version}`);
  return binary;
}

/**
 * The program installed from its lockfile, reused when the lockfile and Node are unchanged, with
 * the freshly packed tarball unpacked as its node_modules/pulumi-affise.
 */
function installPinned(program, work, tarball, nodeVersion) {
  const hash = crypto
    .createHash("sha256")
    .update(program.manifestText)
    .update(program.lockText)
    .update(nodeVersion)
    .digest("hex")
    .slice(0, 12);
  const dir = path.join(work, `${program.name}-${hash}`);
  for (const entry of fs.readdirSync(work)) {
    if (entry.startsWith(`${program.name}-`) && entry !== path.basename(dir)) {
      fs.rmSync(path.join(work, entry), { recursive: true, force: true });
    }
  }
  const marker = path.join(dir, ".installed");
  if (!fs.existsSync(marker)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "package.json"), program.manifestText);
    fs.writeFileSync(path.join(dir, "package-lock.json"), program.lockText);
    fs.copyFileSync(tarball, path.join(dir, TARBALL));
    npmQuiet(["ci", "--prefer-offline"], dir);
    fs.writeFileSync(marker, `${hash}\n`);
  }
  checkLockedDependencies(program, tarball);
  unpack(tarball, path.join(dir, "node_modules", "pulumi-affise"));
  return dir;
}

/** The lockfile records pulumi-affise's dependencies; the package must still declare the same. */
function checkLockedDependencies(program, tarball) {
  const locked = JSON.parse(program.lockText).packages[LOCK_ENTRY]?.dependencies ?? {};
  const packed = JSON.parse(
    execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" }),
  ).dependencies;
  if (JSON.stringify(sorted(locked)) !== JSON.stringify(sorted(packed))) {
    throw new CompatError(
      `pulumi-affise's dependencies changed since test/compat/programs/${program.name}/package-lock.json ` +
        "was written: run `npm run test:compat:lock` and commit the lockfiles",
    );
  }
}

function sorted(object) {
  return Object.fromEntries(Object.entries(object ?? {}).sort(([a], [b]) => a.localeCompare(b)));
}

function unpack(tarball, destination) {
  fs.rmSync(destination, { recursive: true, force: true });
  fs.mkdirSync(destination, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "--strip-components=1", "-C", destination]);
}

/** The newest SDK, resolved now, no lockfile: only for `npm run test:compat:newest`. */
function installNewest(work, tarball) {
  const dir = path.join(work, "newest");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(tarball, path.join(dir, TARBALL));
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({
      name: "offers-program",
      private: true,
      dependencies: { "@pulumi/pulumi": "latest", "pulumi-affise": `file:${TARBALL}` },
      allowScripts: { protobufjs: false },
    }),
  );
  npmQuiet(["install", "--prefer-online"], dir);
  return dir;
}

/** Rewrites each pinned program's lockfile from its package.json (`npm run test:compat:lock`). */
function updateLocks(work, tarball) {
  for (const program of pinnedPrograms()) {
    const dir = path.join(work, `lock-${program.name}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "package.json"), program.manifestText);
    fs.copyFileSync(tarball, path.join(dir, TARBALL));
    npmQuiet(["install", "--package-lock-only"], dir);
    const lock = readJson(path.join(dir, "package-lock.json"));
    // The tarball is packed afresh on every run, so its checksum cannot be pinned.
    delete lock.packages[LOCK_ENTRY].integrity;
    fs.writeFileSync(
      path.join(program.sourceDir, "package-lock.json"),
      `${JSON.stringify(lock, null, 2)}\n`,
    );
    fs.rmSync(dir, { recursive: true, force: true });
    console.log(`compat: wrote test/compat/programs/${program.name}/package-lock.json`);
  }
}

module.exports = {
  CompatError,
  installNewest,
  installPinned,
  nodeBinary,
  pinnedPrograms,
  readJson,
  updateLocks,
};
