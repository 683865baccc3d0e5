/**
 * Every field pulumi-affise manages, through Pulumi's provider host against the emulator: it
 * round-trips (create → refresh → no drift, empty plan), and changing any one field is exactly one
 * update, of that field only, with an empty plan after it.
 */
import { declareOffers } from "../../harness/declare-offers";
import type { Declared } from "../../harness/engine";
import { dayFromToday, kitchenSinkOffer } from "../../harness/fixtures";
import { type Stack, startStack } from "../../harness/stack";
import type { OfferArgs } from "../../provider";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

const NAME = "kitchen-sink";
const declare = async (args: OfferArgs) => declareOffers([{ name: NAME, args }]);
const tracked = () => stack.engine.state.get(NAME)!;
const stored = () => stack.emulator.offers().find((o) => String(o.id) === tracked().id)!;

async function expectEmptyPlan(declared: Declared[]) {
  stack.emulator.clearRequests();
  const [step] = await stack.engine.preview(declared);
  expect({ kind: step.kind, inputChanges: step.inputChanges }).toEqual({
    kind: "same",
    inputChanges: [],
  });
  expect(stack.emulator.requests()).toEqual([]);
}

const base = kitchenSinkOffer();

/** One change per field, each to a value the field did not have. */
const ONE_FIELD_CHANGES: [field: keyof OfferArgs, value: unknown][] = [
  ["title", "Kitchen sink, renamed"],
  ["url", "https://example.test/ks2?click={clickid}"],
  [
    "payments",
    [{ ...(base.payments as object[])[0], revenue: 2.5 }, (base.payments as object[])[1]],
  ],
  [
    "partnerPayments",
    [{ partners: [5, 6], goal: "1", total: 4, revenue: 3, currency: "EUR", type: "fixed" }],
  ],
  ["status", "suspended"],
  ["privacy", "protected"],
  ["description", { en: "Win a trip" }],
  ["kpi", { en: "No incentivised traffic", de: "Kein Incentive-Traffic" }],
  ["notes", "Seasonal; review in April"],
  ["tags", ["summer"]],
  ["categories", ["5368afb23b7d9b4d5d505342"]],
  ["urlPreview", "https://example.test/preview2"],
  ["trafficbackUrl", "https://example.test/fallback2"],
  ["holdPeriod", 14],
  ["holdType", "days"],
  ["startAt", dayFromToday(3)],
  ["stopDate", dayFromToday(120)],
  ["isTop", false],
  ["isCpi", false],
  ["caps", [{ period: "day", type: "conversions", value: 150, goals: ["1"] }]],
  [
    "landings",
    [(base.landings as object[])[0], { ...(base.landings as object[])[1], title: "Quiz 2" }],
  ],
  ["targeting", [(base.targeting as object[])[0]]],
  ["enabledAffiliates", [9, 12]],
];

describe("an offer using every field", () => {
  let current: OfferArgs = base;

  it("is created once, with every field as Affise reads it back", async () => {
    const steps = await stack.engine.up(await declare(base));
    expect(steps[0].kind).toBe("create");
    expect(stored()).toMatchObject({
      status: "active",
      privacy: "private",
      is_top: 1,
      is_cpi: true,
      hold_period: 7,
      hold_type: "hours",
      description_lang: expect.objectContaining({
        en: "Win a holiday",
        de: "Gewinne einen Urlaub",
      }),
      tags: ["summer", "sweepstakes"],
      stop_at: `${dayFromToday(90)} 00:00:00`,
    });
    expect(stored().landings).toHaveLength(2);
    expect(stored().targeting).toHaveLength(2);
    expect(stored().caps).toHaveLength(2);
  });

  it("shows an empty plan after the create, and again after a refresh (no drift)", async () => {
    const declared = await declare(base);
    await expectEmptyPlan(declared);
    expect(await stack.engine.refresh()).toEqual({ drifted: [], gone: [] });
    await expectEmptyPlan(declared);
  });

  it.each(ONE_FIELD_CHANGES)(
    "changing %s is one update of that field, then an empty plan",
    async (field, value) => {
      const landingIds = (tracked().outputs.landings as { id: number; title: string }[]).map(
        (l) => [l.title, l.id],
      );
      current = { ...current, [field]: value };
      const declared = await declare(current);

      stack.emulator.clearRequests();
      const [preview] = await stack.engine.preview(declared);
      expect({ kind: preview.kind, inputChanges: preview.inputChanges }).toEqual({
        kind: "update",
        inputChanges: [field],
      });

      const [step] = await stack.engine.up(declared);
      expect(step.kind).toBe("update");
      const writes = stack.emulator.requests().filter((r) => r.method === "POST");
      if (field === "enabledAffiliates") {
        expect(writes.map((r) => r.path).sort()).toEqual([
          "/3.0/offer/disable-affiliate",
          "/3.0/offer/enable-affiliate",
        ]);
      } else {
        expect(writes.map((r) => r.path)).toEqual([`/3.0/admin/offer/${tracked().id}`]);
      }
      // Landings that stay keep Affise's ids, even when a sibling changes.
      const after = new Map(
        (tracked().outputs.landings as { id: number; title: string }[]).map((l) => [l.title, l.id]),
      );
      for (const [title, id] of landingIds)
        if (after.has(title as string)) expect(after.get(title as string)).toBe(id);

      await expectEmptyPlan(declared);
      expect((await stack.engine.refresh()).drifted).toEqual([]);
    },
  );

  it("clears an optional field in Affise when its declaration is removed", async () => {
    const { tags: _tags, notes: _notes, ...rest } = current;
    current = rest;
    const declared = await declare(current);
    const [preview] = await stack.engine.preview(declared);
    expect(preview).toMatchObject({ kind: "update", inputChanges: ["notes", "tags"] });
    await stack.engine.up(declared);
    expect(stored()).toMatchObject({ tags: [], notes: "" });
    await expectEmptyPlan(declared);
  });

  it("sees status, privacy and affiliate changes made in the Affise UI on refresh", async () => {
    const id = tracked().id;
    const post = (path: string, body: string) =>
      fetch(`${stack.emulator.url}${path}`, {
        method: "POST",
        headers: { "API-Key": stack.apiKey, "Content-Type": "application/x-www-form-urlencoded" },
        body,
      });
    await post("/3.0/admin/offer/mass-update", `offer_id[]=${id}&status=stopped&privacy=public`);
    await post("/3.0/offer/enable-affiliate", `offer_id=${id}&pid=77`);
    expect((await stack.engine.refresh()).drifted).toEqual([NAME]);
    const declared = await declare(current);
    const [preview] = await stack.engine.preview(declared);
    expect(preview.inputChanges).toEqual(["enabledAffiliates", "privacy", "status"]);
    await stack.engine.up(declared);
    await expectEmptyPlan(declared);
    expect((await stack.engine.refresh()).drifted).toEqual([]);
  });
});
