/**
 * The provider host killed (SIGKILL) while Affise is still inside a slow create, and `up` run
 * again at once: the rerun finds nothing by the marker (the first create has not committed yet)
 * and creates; Affise commits the killed run's create first. The rerun must end with exactly one
 * live offer carrying the marker, the state pointing at it, the extra stopped and both ids named.
 */
import { declareOffers } from "../../harness/declare-offers";
import { Engine } from "../../harness/engine";
import { sampleOffer } from "../../harness/fixtures";
import type { ProviderHost } from "../../harness/provider-host";
import { type Stack, startHost, startStack } from "../../harness/stack";

async function until(ready: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error("condition not reached");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let stack: Stack;
let rerunHost: ProviderHost | undefined;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await rerunHost?.stop();
  await stack.stop();
});

it("kill -9 mid-create, rerun at once: one live offer, the state on it, the extra stopped and named", async () => {
  const declared = await declareOffers([
    { name: "promo", args: { ...sampleOffer(21), status: "active" } },
  ]);
  // Long enough that the rerun's host is up and has asked before this create commits.
  stack.emulator.setFaults({ slowCreates: { count: 1, delayMs: 20_000 } });
  const killedRun = stack.engine.up(declared);
  await until(() => stack.emulator.faults().slowCreates.count === 0);
  process.kill(stack.host.pid!, "SIGKILL");
  expect((await killedRun)[0].kind).toBe("failed");

  rerunHost = await startHost();
  await rerunHost.configure({ "affise:apiUrl": stack.emulator.url, "affise:apiKey": stack.apiKey });
  const rerun = new Engine(rerunHost);
  rerun.stackMark = stack.engine.stackMark; // the mark was created, so it is in the state
  const marker = () =>
    stack.emulator
      .offers()
      .filter((o) => String(o.external_offer_id).endsWith(":promo"))
      .sort((a, b) => Number(a.id) - Number(b.id));
  stack.emulator.clearRequests();
  const rerunUp = rerun.up(declared);
  // The race the rerun must survive: its lookup is answered while the killed run's create is
  // still inside Affise (the request log records a request once it is answered).
  const lookedUp = () => stack.emulator.requests().some((r) => r.path === "/3.0/offers");
  await until(lookedUp);
  expect(marker()).toEqual([]);
  const [step] = await rerunUp;

  const [kept, extra] = marker();
  expect(marker()).toHaveLength(2);
  expect(kept.status).not.toBe("stopped");
  expect(extra.status).toBe("stopped");
  expect(step.kind).toBe("failed");
  expect(step.error).toContain(`kept ${kept.id} and stopped ${extra.id}`);
  expect(rerun.state.get("promo")!.id).toBe(String(kept.id));

  // The next run brings the kept offer up to date (if needed) and leaves it at that.
  await rerun.up(declared);
  expect((await rerun.preview(declared))[0].kind).toBe("same");
  expect(marker().filter((o) => o.status !== "stopped")).toEqual([
    expect.objectContaining({ id: kept.id }),
  ]);
});
