/** Delete policy and taking over an existing offer, through Pulumi's provider host. */
import { declareOffers } from "../../harness/declare-offers";
import { ADVERTISER, sampleOffer } from "../../harness/fixtures";
import { type Stack, startStack } from "../../harness/stack";
import type { OfferArgs } from "../../provider";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

const declare = (name: string, args: OfferArgs) => declareOffers([{ name, args }]);

async function createInAffise(title: string): Promise<number> {
  const response = await fetch(`${stack.emulator.url}/3.0/admin/offer`, {
    method: "POST",
    headers: { "API-Key": stack.apiKey, "Content-Type": "application/x-www-form-urlencoded" },
    body:
      `title=${encodeURIComponent(title)}&advertiser=${ADVERTISER}&url=https://legacy.test/` +
      "&payments[0][total]=3&payments[0][revenue]=1&payments[0][currency]=USD&payments[0][type]=fixed&status=active",
  });
  const body = (await response.json()) as { offer: { id: number } };
  return body.offer.id;
}

describe("deletePolicy", () => {
  it("stop: destroy sets the offer to stopped and keeps it", async () => {
    const declared = await declare("kept", { ...sampleOffer(2), deletePolicy: "stop" });
    await stack.engine.up(declared);
    const id = stack.engine.state.get("kept")!.id;
    stack.emulator.clearRequests();
    await stack.engine.up([]);
    const offer = stack.emulator.offers().find((o) => String(o.id) === id);
    expect(offer).toMatchObject({ status: "stopped", title: sampleOffer(2).title });
    expect(stack.emulator.requests().some((r) => r.path === "/3.0/admin/offer/delete")).toBe(false);
  });

  it("delete (the default): destroy deletes the offer, and an offer already gone is no error", async () => {
    const declared = await declare("removed", sampleOffer(3));
    await stack.engine.up(declared);
    const id = stack.engine.state.get("removed")!.id;
    await fetch(`${stack.emulator.url}/3.0/admin/offer/delete`, {
      method: "POST",
      headers: { "API-Key": stack.apiKey, "Content-Type": "application/x-www-form-urlencoded" },
      body: `offer_id[]=${id}`,
    });
    const steps = await stack.engine.destroy();
    expect(steps).toEqual([expect.objectContaining({ name: "removed", kind: "delete" })]);
    expect(stack.emulator.offers().some((o) => String(o.id) === id)).toBe(false);
  });

  it("changing only the policy is an update that sends nothing to Affise", async () => {
    await stack.engine.up(await declare("policy", sampleOffer(4)));
    stack.emulator.clearRequests();
    const steps = await stack.engine.up(
      await declare("policy", { ...sampleOffer(4), deletePolicy: "stop" }),
    );
    expect(steps[0]).toMatchObject({ kind: "update", inputChanges: ["deletePolicy"] });
    expect(stack.emulator.requests()).toEqual([]);
    expect(
      (
        await stack.engine.preview(
          await declare("policy", { ...sampleOffer(4), deletePolicy: "stop" }),
        )
      )[0].kind,
    ).toBe("same");
    await stack.engine.destroy();
  });
});

describe("adoptId", () => {
  let existing: number;
  const takenOver = () => ({ ...sampleOffer(5), adoptId: existing });

  it("takes over an existing offer: no new offer, and the declared state applied to it", async () => {
    existing = await createInAffise("Made in the UI");
    const before = stack.emulator.offers().length;
    const declared = await declare("taken-over", takenOver());
    stack.emulator.clearRequests();
    const steps = await stack.engine.up(declared);
    expect(steps[0].kind).toBe("create");
    expect(stack.emulator.requests().filter((r) => r.path === "/3.0/admin/offer")).toEqual([]);
    expect(stack.emulator.offers()).toHaveLength(before);
    expect(stack.engine.state.get("taken-over")!.id).toBe(String(existing));
    const offer = stack.emulator.offers().find((o) => o.id === existing)!;
    expect(offer.title).toBe(sampleOffer(5).title);
    expect(offer.payments).toHaveLength(2);
    expect((await stack.engine.preview(declared))[0].kind).toBe("same");
  });

  it("fails clearly, already at preview, when the offer to adopt does not exist, and creates nothing", async () => {
    const before = stack.emulator.offers().length;
    const declared = await declareOffers([
      { name: "taken-over", args: takenOver() },
      { name: "ghost", args: { ...sampleOffer(6), adoptId: 987654 } },
    ]);
    for (const steps of [await stack.engine.preview(declared), await stack.engine.up(declared)]) {
      expect(steps.map((s) => s.kind)).toEqual(["same", "failed"]);
      expect(steps[1].error).toBe("adoptId: 987654: Affise has no offer with this id");
    }
    expect(stack.emulator.offers()).toHaveLength(before);
  });

  it("replaces when adoptId is changed to another offer", async () => {
    const other = await createInAffise("Another UI offer");
    const steps = await stack.engine.preview(
      await declare("taken-over", { ...sampleOffer(5), adoptId: other }),
    );
    expect(steps[0]).toMatchObject({
      kind: "replace",
      diff: expect.objectContaining({ replaces: ["adoptId"] }),
    });
  });
});
