/** Which code was measured: the commit, and whether the measured paths had uncommitted changes. */
import { execFileSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const MEASURED_PATHS = ["provider", "emulator", "harness", "bench"];

export interface Revision {
  commit: string;
  /** Measured files that differ from the commit. */
  uncommitted: string[];
}

export function describeRevision(): Revision {
  // trimEnd: porcelain lines start with a space when only the work tree changed.
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trimEnd();
  try {
    return {
      commit: git("rev-parse", "--short", "HEAD"),
      uncommitted: git("status", "--porcelain", "--", ...MEASURED_PATHS)
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => line.slice(3)),
    };
  } catch {
    return { commit: "unknown (not a git checkout)", uncommitted: [] };
  }
}
