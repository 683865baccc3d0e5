/**
 * The provider acts on an existing Affise offer only when it can prove this resource of this stack
 * created it, or the user named it with adoptId. Through Pulumi's provider host, against the
 * emulator.
 */
import { declareOffers } from "../../harness/declare-offers";
import { Engine } from "../../harness/engine";
import { ADVERTISER, sampleOffer } from "../../harness/fixtures";
import type { ProviderHost } from "../../harness/provider-host";
import { type Stack, startHost, startStack } from "../../harness/stack";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

/** An offer made by hand in the Affise UI, optionally carrying an external_offer_id. */
async function handMade(title: string, externalOfferId?: string): Promise<number> {
  const marker = externalOfferId ? `&external_offer_id=${encodeURIComponent(externalOfferId)}` : "";
  const response = await fetch(`${stack.emulator.url}/3.0/admin/offer`, {
    method: "POST",
    headers: { "API-Key": stack.apiKey, "Content-Type": "application/x-www-form-urlencoded" },
    body:
      `title=${encodeURIComponent(title)}&advertiser=${ADVERTISER}&url=https://legacy.test/` +
      "&payments[0][total]=3&payments[0][revenue]=1&payments[0][currency]=USD&payments[0][type]=fixed" +
      `&status=active${marker}`,
  });
  return ((await response.json()) as { offer: { id: number } }).offer.id;
}

const offerById = (id: number | string) =>
  stack.emulator.offers().find((o) => String(o.id) === String(id));
const writesTo = (id: number | string) =>
  stack.emulator
    .requests()
    .filter((r) => r.method === "POST" && JSON.stringify(r).includes(`${id}`))
    .filter((r) => r.path !== "/3.0/admin/offer");

describe("a hand-made offer carrying the declared externalOfferId", () => {
  let id: number;

  it("is refused, naming its id and how to adopt it; it is not touched and nothing is created", async () => {
    id = await handMade("Made in the UI", "crm-4711");
    const before = offerById(id);
    const count = stack.emulator.offers().length;
    stack.emulator.clearRequests();
    const [step] = await stack.engine.up(
      await declareOffers([
        { name: "crm", args: { ...sampleOffer(1), externalOfferId: "crm-4711" } },
      ]),
    );
    expect(step.kind).toBe("failed");
    expect(step.error).toContain(`Affise offer ${id} already carries external_offer_id "crm-4711"`);
    expect(step.error).toContain(`set adoptId: ${id}`);
    expect(offerById(id)).toEqual(before);
    expect(writesTo(id)).toEqual([]);
    expect(stack.emulator.offers()).toHaveLength(count);
    expect(stack.engine.state.has("crm")).toBe(false);
  });

  it("is taken over once the user says so with adoptId: one edit, then an empty plan", async () => {
    const declared = await declareOffers([
      { name: "crm", args: { ...sampleOffer(1), externalOfferId: "crm-4711", adoptId: id } },
    ]);
    stack.emulator.clearRequests();
    const [step] = await stack.engine.up(declared);
    expect(step.kind).toBe("create");
    expect(stack.emulator.requests().filter((r) => r.method === "POST")).toHaveLength(1);
    expect(offerById(id)).toMatchObject({ title: sampleOffer(1).title });
    stack.emulator.clearRequests();
    expect((await stack.engine.up(declared))[0].kind).toBe("same");
    expect(stack.emulator.requests()).toEqual([]);
  });
});

describe("two stacks with the same project and stack names (two repositories)", () => {
  let other: ProviderHost;
  let otherEngine: Engine;
  beforeAll(async () => {
    other = await startHost();
    await other.configure({ "affise:apiUrl": stack.emulator.url, "affise:apiKey": stack.apiKey });
    otherEngine = new Engine(other);
  });
  afterAll(() => other.stop());

  it("each creates its own offer: neither takes over, edits or deletes the other's", async () => {
    const declared = await declareOffers([{ name: "promo", args: sampleOffer(7) }]);
    await stack.engine.up(declared);
    const mine = stack.engine.state.get("promo")!.id;
    const mineBefore = offerById(mine);
    stack.emulator.clearRequests();

    const renamed = await declareOffers([
      { name: "promo", args: { ...sampleOffer(7), title: "The other repo's promo" } },
    ]);
    const [step] = await otherEngine.up(renamed);
    expect(step.kind).toBe("create");
    const theirs = otherEngine.state.get("promo")!.id;
    expect(theirs).not.toBe(mine);
    expect(offerById(mine)).toEqual(mineBefore);
    expect(writesTo(mine)).toEqual([]);
    expect(offerById(theirs)!.external_offer_id).not.toBe(mineBefore!.external_offer_id);

    await otherEngine.destroy();
    expect(offerById(theirs)).toBeUndefined();
    expect(offerById(mine)).toEqual(mineBefore);
    expect((await stack.engine.preview(declared))[0].kind).toBe("same");
  });
});

describe("adoptId of an offer another resource manages", () => {
  it("is refused at preview when another resource of this stack manages it", async () => {
    await stack.engine.up(await declareOffers([{ name: "owner", args: sampleOffer(8) }]));
    const owned = stack.engine.state.get("owner")!.id;
    stack.emulator.clearRequests();
    const [, step] = await stack.engine.preview(
      await declareOffers([
        { name: "owner", args: sampleOffer(8) },
        { name: "intruder", args: { ...sampleOffer(9), adoptId: Number(owned) } },
      ]),
    );
    expect(step.kind).toBe("failed");
    expect(step.error).toContain(
      `Affise offer ${owned} is already managed by affise.Offer "owner" of this stack`,
    );
    expect(stack.emulator.requests().filter((r) => r.method === "POST")).toEqual([]);
  });

  it("is refused when two resources adopt the same offer in one run: only one takes it", async () => {
    const id = await handMade("Wanted twice");
    const steps = await stack.engine.up(
      await declareOffers([
        { name: "first-claim", args: { ...sampleOffer(10), adoptId: id } },
        { name: "second-claim", args: { ...sampleOffer(11), adoptId: id } },
      ]),
    );
    const claims = steps.filter((s) => s.name.endsWith("-claim"));
    expect(claims.map((s) => s.kind).sort()).toEqual(["create", "failed"]);
    const failed = claims.find((s) => s.kind === "failed")!;
    expect(failed.error).toMatch(/adoptId \d+: .*affise\.Offer "(first|second)-claim"/);
    const winner = claims.find((s) => s.kind === "create")!.name;
    expect(offerById(id)!.title).toBe(
      winner === "first-claim" ? sampleOffer(10).title : sampleOffer(11).title,
    );
  });
});
