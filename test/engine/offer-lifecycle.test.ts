/**
 * The offer lifecycle as `pulumi up / preview / refresh / destroy` drive it: the real serialized
 * provider, Pulumi's own provider host over gRPC, the emulator over HTTP. After every apply, a
 * fresh preview must be empty.
 */
import { declareOffers } from "../../harness/declare-offers";
import type { Declared } from "../../harness/engine";
import { helpCentreOffer, sampleOffer } from "../../harness/fixtures";
import { type Stack, startStack } from "../../harness/stack";
import type { OfferArgs } from "../../provider";

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

const writes = () => stack.emulator.requests().filter((r) => r.method === "POST");
const declare = (offers: Record<string, OfferArgs>) =>
  declareOffers(Object.entries(offers).map(([name, args]) => ({ name, args })));

async function expectEmptyPlan(declared: Declared[]) {
  stack.emulator.clearRequests();
  const steps = await stack.engine.preview(declared);
  expect(steps.filter((s) => s.kind !== "same")).toEqual([]);
  expect(steps.every((s) => s.inputChanges.length === 0)).toBe(true);
  expect(stack.emulator.requests()).toEqual([]);
}

describe("an offer through Pulumi's dynamic-provider host", () => {
  const base = { "help-centre": helpCentreOffer, sample: sampleOffer(1) };
  let current: Record<string, OfferArgs> = base;
  let declared: Declared[];

  it("creates each offer once and records Affise's integer id", async () => {
    declared = await declare(base);
    stack.emulator.clearRequests();
    const steps = await stack.engine.up(declared);
    expect(steps.map((s) => [s.name, s.kind])).toEqual([
      ["help-centre", "create"],
      ["sample", "create"],
    ]);
    const creates = writes().filter((r) => r.path === "/3.0/admin/offer");
    expect(creates).toHaveLength(2);
    const tracked = stack.engine.state.get("help-centre")!;
    expect(tracked.id).toMatch(/^\d+$/);
    expect(tracked.outputs.offerId).toMatch(/^[0-9a-f]{24}$/);
    expect(stack.emulator.offers()).toHaveLength(2);
  });

  it("sends the help-centre request shape and Affise reads back both payments", () => {
    const body = stack.emulator
      .requests()
      .find((r) => r.path === "/3.0/admin/offer" && r.body.title === helpCentreOffer.title)!.body;
    expect(body).toMatchObject({
      advertiser: "5e39279bac611cda7e5765ab",
      payments: [
        {
          countries: ["RU", "US"],
          country_exclude: "1",
          devices: ["desktop"],
          goal: "2",
          total: "100",
          revenue: "50",
          currency: "USD",
          type: "fixed",
          sub1: "abc",
        },
      ],
      partner_payments: [{ partners: ["2"], countries: ["RU"], goal: "3" }],
    });
    const stored = stack.emulator.offers().find((o) => o.title === helpCentreOffer.title)!;
    expect(stored.payments).toHaveLength(1);
    expect(stored.partner_payments).toHaveLength(1);
  });

  it("shows an empty plan right after the create", () => expectEmptyPlan(declared));

  it("shows no change for reordered payments, countries and differently cased codes", async () => {
    const reordered = await declare({
      ...base,
      sample: {
        ...sampleOffer(1),
        payments: [
          {
            countries: ["us"],
            devices: ["tablet", "mobile"],
            total: 12,
            revenue: 8,
            currency: "usd",
            type: "fixed",
          },
          {
            countries: ["AT", "de", "DE"],
            total: 11,
            revenue: "6" as unknown as number,
            currency: "EUR",
            type: "fixed",
          },
        ],
      },
    });
    await expectEmptyPlan(reordered);
  });

  it("updates a changed payment in place with exactly one write, keeping every payment id", async () => {
    const idsBefore = (stack.engine.state.get("sample")!.outputs.payments as { id: string }[])
      .map((p) => p.id)
      .sort();
    const changed = sampleOffer(1);
    (changed.payments as { total: number }[])[1].total = 13;
    current = { ...base, sample: changed };
    declared = await declare(current);

    stack.emulator.clearRequests();
    const preview = await stack.engine.preview(declared);
    expect(preview.find((s) => s.name === "sample")).toMatchObject({
      kind: "update",
      inputChanges: ["payments"],
    });
    expect(preview.find((s) => s.name === "help-centre")).toMatchObject({
      kind: "same",
      inputChanges: [],
    });

    const steps = await stack.engine.up(declared);
    expect(steps.find((s) => s.name === "sample")!.kind).toBe("update");
    const sampleId = stack.engine.state.get("sample")!.id;
    expect(writes().map((r) => r.path)).toEqual([`/3.0/admin/offer/${sampleId}`]);

    const idsAfter = (stack.engine.state.get("sample")!.outputs.payments as { id: string }[])
      .map((p) => p.id)
      .sort();
    expect(idsAfter).toEqual(idsBefore);
    const stored = stack.emulator.offers().find((o) => String(o.id) === sampleId)!;
    expect((stored.payments as { id: string }[]).map((p) => p.id).sort()).toEqual(idsBefore);
    expect((stored.payments as { total: number }[]).map((p) => p.total).sort()).toEqual([11, 13]);
  });

  it("shows an empty plan right after the update", () => expectEmptyPlan(declared));

  it("adds and removes a personal payment with one write each", async () => {
    const withSecond = {
      ...helpCentreOffer,
      partnerPayments: [
        ...(helpCentreOffer.partnerPayments as object[]),
        { partners: [7, 9], total: 5, revenue: 2, currency: "EUR", type: "fixed" },
      ],
    } as OfferArgs;
    declared = await declare({ ...current, "help-centre": withSecond });
    stack.emulator.clearRequests();
    await stack.engine.up(declared);
    expect(writes()).toHaveLength(1);
    const id = stack.engine.state.get("help-centre")!.id;
    expect(stack.emulator.offers().find((o) => String(o.id) === id)!.partner_payments).toHaveLength(
      2,
    );
    await expectEmptyPlan(declared);

    current = { ...current, "help-centre": { ...helpCentreOffer, partnerPayments: [] } };
    declared = await declare(current);
    stack.emulator.clearRequests();
    await stack.engine.up(declared);
    expect(writes()).toHaveLength(1);
    expect(stack.emulator.offers().find((o) => String(o.id) === id)!.partner_payments).toEqual([]);
    await expectEmptyPlan(declared);
  });

  it("sees an out-of-band edit on refresh, and the next up puts the declared payment back", async () => {
    const id = stack.engine.state.get("sample")!.id;
    const edit = await fetch(`${stack.emulator.url}/3.0/admin/offer/${id}`, {
      method: "POST",
      headers: { "API-Key": stack.apiKey, "Content-Type": "application/x-www-form-urlencoded" },
      body: "title=Renamed+in+the+UI",
    });
    expect(edit.status).toBe(200);

    stack.emulator.clearRequests();
    const refreshed = await stack.engine.refresh();
    expect(refreshed).toEqual({ drifted: ["sample"], gone: [] });
    expect(stack.emulator.requests().every((r) => r.method === "GET")).toBe(true);

    const preview = await stack.engine.preview(declared);
    expect(preview.find((s) => s.name === "sample")).toMatchObject({
      kind: "update",
      inputChanges: ["title"],
    });
    await stack.engine.up(declared);
    expect(stack.emulator.offers().find((o) => String(o.id) === id)!.title).toBe(
      current.sample.title,
    );
    await expectEmptyPlan(declared);
  });

  it("reports no drift on a refresh when nothing changed in Affise", async () => {
    expect(await stack.engine.refresh()).toEqual({ drifted: [], gone: [] });
    await expectEmptyPlan(declared);
  });

  it("drops an offer deleted in Affise from the state on refresh", async () => {
    const id = stack.engine.state.get("sample")!.id;
    const removed = await fetch(`${stack.emulator.url}/3.0/admin/offer/delete`, {
      method: "POST",
      headers: { "API-Key": stack.apiKey, "Content-Type": "application/x-www-form-urlencoded" },
      body: `offer_id[]=${id}`,
    });
    expect(removed.status).toBe(200);
    expect(await stack.engine.refresh()).toEqual({ drifted: [], gone: ["sample"] });
    const preview = await stack.engine.preview(declared);
    expect(preview.find((s) => s.name === "sample")!.kind).toBe("create");
  });

  it("deletes every offer on destroy", async () => {
    await stack.engine.up(declared);
    expect(stack.emulator.offers()).toHaveLength(2);
    const steps = await stack.engine.destroy();
    expect(steps.every((s) => s.kind === "delete")).toBe(true);
    expect(stack.emulator.offers()).toEqual([]);
  });
});
