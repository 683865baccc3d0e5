import * as fs from "node:fs";
import * as path from "node:path";
import { ADVERTISERS } from "../../emulator/reference/advertisers";
import { ROOT } from "./built";

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

describe("the docs agree with what they describe", () => {
  it("the README names every target BENCHMARKS.md reports as missed", () => {
    const missed = [...read("BENCHMARKS.md").matchAll(/^\| (.+?) +\| .+\| \*\*missed\*\*/gm)].map(
      ([, target]) => target,
    );
    expect(missed.length).toBeGreaterThan(0);
    const readme = read("README.md");
    for (const target of missed)
      expect([target, readme.includes(`\`${target}\``)]).toEqual([target, true]);
  });

  it("BENCHMARKS.md opens with what it measures, not with where the work was asked for", () => {
    const opening = read("BENCHMARKS.md").split("\n").slice(0, 4).join("\n");
    expect(opening).not.toMatch(/issue/i);
  });

  it("the emulator README lists exactly the advertisers it accepts", () => {
    const listed = [...read("emulator/README.md").matchAll(/^\| `([0-9a-f]{24})` +\|/gm)].map(
      ([, id]) => id,
    );
    expect(listed).toEqual(ADVERTISERS.map((advertiser) => advertiser.id));
  });

  it.each(["README.md", "emulator/README.md", "BENCHMARKS.md", "CHANGELOG.md"])(
    "%s cites nothing outside the repository (no CONTRACT sections, no ../shared)",
    (file) => {
      const text = read(file);
      expect(text).not.toMatch(/CONTRACT\s*§/);
      expect(text).not.toContain("../shared");
    },
  );
});
