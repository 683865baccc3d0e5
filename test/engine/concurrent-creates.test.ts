/**
 * Two provider processes (two hosts, as two `pulumi up`s of the same stack state) create the same
 * offers at the same time: each looks up the markers, finds nothing, and creates. However Affise
 * interleaves the creates, every marker ends with exactly one live offer, each run's state points
 * at it, and every extra is stopped (never deleted) and named with the offer kept.
 */
import { declareOffers } from "../../harness/declare-offers";
import { Engine } from "../../harness/engine";
import { sampleOffer } from "../../harness/fixtures";
import type { ProviderHost } from "../../harness/provider-host";
import { type Stack, startHost, startStack } from "../../harness/stack";

let stack: Stack;
let second: ProviderHost;
beforeAll(async () => {
  stack = await startStack();
  second = await startHost();
  await second.configure({ "affise:apiUrl": stack.emulator.url, "affise:apiKey": stack.apiKey });
});
afterAll(async () => {
  await second.stop();
  await stack.stop();
});

const NAMES = Array.from({ length: 8 }, (_, i) => `twin-${i}`);

it("two processes creating the same offers at once: one live offer each, extras stopped and named", async () => {
  const declared = await declareOffers(
    NAMES.map((name, i) => ({ name, args: { ...sampleOffer(30 + i), status: "active" as const } })),
  );
  const first = stack.engine;
  const other = new Engine(second);
  // Both runs hold the first create inside Affise, so every create of both is sent before any
  // commits (Affise commits them in the order received): both find nothing and both create.
  stack.emulator.setFaults({ slowCreates: { count: 1, delayMs: 8_000 } });
  const firstRun = first.up(declared);
  other.stackMark = await stackMarkOnceCreated(first);
  const [firstSteps, otherSteps] = await Promise.all([firstRun, other.up(declared)]);

  const offers = stack.emulator.offers();
  for (const name of NAMES) {
    const carrying = offers
      .filter((o) => String(o.external_offer_id).endsWith(`:${name}`))
      .sort((a, b) => Number(a.id) - Number(b.id));
    const live = carrying.filter((o) => o.status !== "stopped");
    expect({ name, created: carrying.length, live: live.length }).toEqual({
      name,
      created: 2,
      live: 1,
    });
    const [kept, extra] = carrying;
    expect(live[0].id).toBe(kept.id);
    expect(first.state.get(name)!.id).toBe(String(kept.id));
    expect(other.state.get(name)!.id).toBe(String(kept.id));
    const reports = [...firstSteps, ...otherSteps].filter(
      (s) => s.name === name && s.kind === "failed",
    );
    expect(reports.length).toBeGreaterThan(0);
    for (const report of reports)
      expect(report.error).toContain(`kept ${kept.id} and stopped ${extra.id}`);
  }
  // Each run's next preview is clean: the state it holds is the offer Affise holds.
  await first.up(declared);
  await other.up(declared);
  expect((await first.preview(declared)).map((s) => s.kind)).toEqual(NAMES.map(() => "same"));
  expect((await other.preview(declared)).map((s) => s.kind)).toEqual(NAMES.map(() => "same"));
});

/** The second run shares the stack's state: its mark, once the first run has created it. */
async function stackMarkOnceCreated(engine: Engine) {
  while (!engine.stackMark) await new Promise((resolve) => setTimeout(resolve, 10));
  return engine.stackMark;
}
