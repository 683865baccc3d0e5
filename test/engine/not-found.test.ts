/**
 * "Gone" is only Affise's own not-found answer. A 404 page from a proxy, a wrong base path or
 * another service must fail loudly, naming the URL, and never drop or orphan an offer.
 */
import { declareOffers } from "../../harness/declare-offers";
import { sampleOffer } from "../../harness/fixtures";
import { type Stack, startStack } from "../../harness/stack";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  await stack.engine.up(
    await declareOffers([
      { name: "kept", args: sampleOffer(1) },
      { name: "stopped-on-destroy", args: { ...sampleOffer(2), deletePolicy: "stop" } },
    ]),
  );
});
afterAll(() => stack.stop());
afterEach(() => stack.emulator.resetFaults());

const STYLES = ["html", "text", "json"] as const;

describe.each(STYLES)("a foreign 404 page (%s)", (style) => {
  it("fails refresh loudly, naming the URL, and keeps every offer in state", async () => {
    stack.emulator.setFaults({ foreignNotFound: { pathPrefix: "/3.0/offer/", style } });
    const id = stack.engine.state.get("kept")!.id;
    await expect(stack.engine.refresh()).rejects.toThrow(`${stack.emulator.url}/3.0/offer/${id}`);
    expect([...stack.engine.state.keys()].sort()).toEqual(["kept", "stopped-on-destroy"]);
  });

  it("fails destroy loudly: neither offer is forgotten, and both still exist in Affise", async () => {
    const before = stack.emulator.offers();
    stack.emulator.setFaults({ foreignNotFound: { pathPrefix: "/3.0/", style } });
    const steps = await stack.engine.destroy();
    expect(steps.map((s) => s.kind)).toEqual(["failed", "failed"]);
    for (const step of steps) expect(step.error).toContain(stack.emulator.url);
    expect(stack.engine.state.size).toBe(2);
    expect(stack.emulator.offers()).toEqual(before);
  });
});

it("still treats Affise's own not-found answer as gone", async () => {
  const id = stack.engine.state.get("kept")!.id;
  await fetch(`${stack.emulator.url}/3.0/admin/offer/delete`, {
    method: "POST",
    headers: { "API-Key": stack.apiKey, "Content-Type": "application/x-www-form-urlencoded" },
    body: `offer_id[]=${id}`,
  });
  expect(await stack.engine.refresh()).toEqual({ drifted: [], gone: ["kept"] });
});
