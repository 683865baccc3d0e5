/**
 * The scripts are tested as users run them: compiled, from dist/. Fail loudly rather than test
 * yesterday's build when the sources are newer than dist.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");

export function builtScript(name: string): string {
  const built = path.join(ROOT, "dist", "scripts", `${name}.js`);
  const builtAt = fs.statSync(built, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const newest = Math.max(
    ...["scripts", "provider", "emulator", "program", "review"].flatMap((dir) =>
      mtimes(path.join(ROOT, dir)),
    ),
  );
  if (builtAt < newest) {
    throw new Error(
      `${path.relative(ROOT, built)} is missing or older than its sources: npm run build`,
    );
  }
  return built;
}

function mtimes(dir: string): number[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .flatMap((entry) =>
      entry.isFile() && entry.name.endsWith(".ts")
        ? [fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs]
        : [],
    );
}
