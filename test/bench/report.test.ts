/**
 * BENCHMARKS.md is what the renderer makes of the run it describes: the figures that run measured
 * are kept beside it (bench/published-results.json), so a hand edit or a renderer change that was
 * never rendered fails here. The renderer's wording is checked on variations of those figures.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import { BENCHMARKS_FILE, readPublishedResults } from "../../bench/published-results";
import { renderReport } from "../../bench/report";
import type { BenchResults } from "../../bench/results";
import { checkTargets } from "../../bench/targets";

const published = readPublishedResults();

/** As `npm run bench -- --write` formats it; Prettier runs in its own process (its plugins load by dynamic import, which jest refuses). */
function formatLikeWrite(markdown: string): string {
  const prettier = require.resolve("prettier/bin/prettier.cjs");
  return execFileSync(process.execPath, [prettier, "--stdin-filepath", BENCHMARKS_FILE], {
    input: markdown,
    encoding: "utf8",
  });
}

function withLookups(emptyMs: number, fullMs: number): BenchResults {
  return {
    ...published,
    latency: { ...published.latency, lookupEmptyMs: emptyMs, lookupFullMs: fullMs },
  };
}

function lookupRow(report: string): string {
  const row = report.split("\n").find((line) => line.includes("offers stored"));
  if (!row) throw new Error("the report has no row for the marker lookup with a full store");
  return row;
}

test("BENCHMARKS.md is the rendering of the figures it was published with", () => {
  expect(fs.readFileSync(BENCHMARKS_FILE, "utf8")).toBe(formatLikeWrite(renderReport(published)));
});

test("a marker lookup that is faster with a full store reads as no slower, never as a negative cost", () => {
  const row = lookupRow(renderReport(withLookups(1.04, 0.95)));
  expect(row).toContain("no slower than with none");
  expect(row).not.toMatch(/-\d/);
});

test("a marker lookup that is slower with a full store says by how much", () => {
  expect(lookupRow(renderReport(withLookups(0.95, 1.2)))).toContain("0.25 ms more");
});

test("every target is in the report: met ones say so, missed ones by how much", () => {
  const report = renderReport(published);
  const checks = checkTargets(published);
  expect(checks.some((check) => check.met)).toBe(true);
  expect(checks.some((check) => !check.met)).toBe(true);
  for (const check of checks) {
    const row = report.split("\n").find((line) => line.includes(check.target));
    expect(row).toContain(check.met ? "| met" : `**missed**: ${check.shortfall}`);
  }
});

test("a run without the real CLI says it was not run", () => {
  const { cli: _cli, ...withoutCli } = published;
  expect(renderReport(withoutCli)).toContain("Not run (no `--cli`).");
});
