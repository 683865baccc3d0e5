import * as fs from "node:fs";
import * as path from "node:path";

/** The repository root, whether this runs from scripts/ (tsx) or from dist/scripts/ (built). */
export function repoRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
