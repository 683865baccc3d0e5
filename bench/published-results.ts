/**
 * The figures BENCHMARKS.md was rendered from, kept beside it by `--write`, so that a test can
 * hold the published file to them: no hand edit, and no renderer change left unrendered.
 */
import * as fs from "fs";
import * as path from "path";
import type { BenchResults } from "./results";

const ROOT = path.resolve(__dirname, "..");
export const BENCHMARKS_FILE = path.join(ROOT, "BENCHMARKS.md");
export const PUBLISHED_RESULTS_FILE = path.join(ROOT, "bench", "published-results.json");

export function readPublishedResults(): BenchResults {
  return JSON.parse(fs.readFileSync(PUBLISHED_RESULTS_FILE, "utf8")) as BenchResults;
}

export function writeBenchmarks(results: BenchResults, report: string): void {
  fs.writeFileSync(BENCHMARKS_FILE, report);
  fs.writeFileSync(PUBLISHED_RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
}
