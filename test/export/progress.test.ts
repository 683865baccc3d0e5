/** The export's progress line, on an injected clock. */
import { Progress, progressLine } from "../../scripts/export/progress";

it("shows offers done of total, the rate and the time left", () => {
  expect(progressLine(100, 300, 20_000)).toBe("offers 100/300 (5.0/s, ETA 40s)");
  expect(progressLine(30, 1_000, 10_000)).toBe("offers 30/1000 (3.0/s, ETA 5m23s)");
  expect(progressLine(7, undefined, 1_000)).toBe("offers 7 (7.0/s)");
});

it("prints at most one line a second, and always the last one", () => {
  let now = 0;
  const lines: string[] = [];
  const progress = new Progress({ write: (text) => lines.push(text), now: () => now });
  progress.setTotal(4);
  for (const at of [100, 500, 1_200, 1_300]) {
    now = at;
    progress.tick();
  }
  expect(lines).toEqual([
    "offers 1/4 (10.0/s, ETA 0s)\n",
    "offers 3/4 (2.5/s, ETA 0s)\n",
    "offers 4/4 (3.1/s, ETA 0s)\n",
  ]);
});

it("rewrites one line in place on a terminal", () => {
  const lines: string[] = [];
  const progress = new Progress({
    write: (text) => lines.push(text),
    now: () => 2_000,
    inPlace: true,
  });
  progress.setTotal(1);
  progress.tick();
  progress.finish();
  expect(lines).toEqual(["\roffers 1/1 (0.0/s)\u001b[K", "\n"]);
});
