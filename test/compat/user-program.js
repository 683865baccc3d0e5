// What a newcomer does after the README's "Installing": the tarball `npm pack` wrote, installed into
// a fresh program, and a program written like the README's TypeScript example must type-check;
// the installed affise-validate-offers must speak for itself.
"use strict";
const { execFileSync, spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { CompatError } = require("./programs");

const repo = path.resolve(__dirname, "../..");

function readmeSection(title) {
  const readme = fs.readFileSync(path.join(repo, "README.md"), "utf8");
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new CompatError(`README.md has no "## ${title}" section`);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

function checkInstallCommand(tarballName) {
  const section = readmeSection("Installing");
  if (!section.includes("npm pack") || !section.includes(tarballName)) {
    throw new CompatError(
      `README.md's "Installing" must build with npm pack and install ${tarballName}`,
    );
  }
}

function checkTypeScriptExample(dir) {
  const example = /```ts\n([\s\S]*?)```/.exec(
    readmeSection("Using `affise.Offer` from TypeScript"),
  );
  if (!example) throw new CompatError("README.md's TypeScript section has no ```ts example");
  const user = path.join(dir, "user-program");
  fs.rmSync(user, { recursive: true, force: true });
  fs.mkdirSync(user);
  fs.writeFileSync(path.join(user, "index.ts"), example[1]);
  fs.writeFileSync(
    path.join(user, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: "ES2022",
        module: "commonjs",
        moduleResolution: "node",
        esModuleInterop: true,
        types: ["node"],
        noEmit: true,
      },
      files: ["index.ts"],
    }),
  );
  const tsc = path.join(dir, "node_modules", "typescript", "bin", "tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", user], { encoding: "utf8" });
  if (result.status !== 0) {
    throw new CompatError(`the README's TypeScript example does not type-check:\n${result.stdout}`);
  }
}

function checkValidateBin(dir) {
  const bin = path.join(dir, "node_modules", ".bin", "affise-validate-offers");
  const usage = execFileSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
  if (!usage.startsWith("Usage: affise-validate-offers") || usage.includes("npm run")) {
    throw new CompatError(`the installed affise-validate-offers prints:\n${usage}`);
  }
}

/** Throws a CompatError saying what a newcomer would trip over. */
function checkUserProgram(dir, tarballName) {
  checkInstallCommand(tarballName);
  checkTypeScriptExample(dir);
  checkValidateBin(dir);
}

module.exports = { checkUserProgram };
