/**
 * Real tenants read codes back in different cases (`usd` / `kz` on some, `USD` / `RU` on others).
 * The kitchen-sink offer, applied through Pulumi's provider host to an emulated tenant of each
 * kind, reads back with no drift and an empty plan that sends no request.
 */
import { declareOffers } from "../../harness/declare-offers";
import { kitchenSinkOffer } from "../../harness/fixtures";
import { type Stack, startStack } from "../../harness/stack";
import type { CodeCase } from "../../emulator";
import type { OfferArgs } from "../../provider";

const NAME = "kitchen-sink";
const offer: OfferArgs = {
  ...kitchenSinkOffer(),
  caps: [
    ...(kitchenSinkOffer().caps as object[]),
    { period: "day", type: "clicks", value: 1000, countryType: "exact", countries: ["de", "AT"] },
  ] as OfferArgs["caps"],
};

describe.each([
  ["lower-case", "lower", "eur", "de"],
  ["upper-case", "as-sent", "EUR", "DE"],
] as const)("on a %s tenant", (_kind, codeCase: CodeCase, currency, country) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ emulator: { codeCase } });
  });
  afterAll(() => stack.stop());

  const stored = () => stack.emulator.offers()[0];

  it("creates the offer once, and Affise reads its codes back in the tenant's case", async () => {
    const [step] = await stack.engine.up(await declareOffers([{ name: NAME, args: offer }]));
    expect(step.kind).toBe("create");
    expect(stack.emulator.offers()).toHaveLength(1);
    expect(stored().payments).toContainEqual(
      expect.objectContaining({ currency, countries: [country] }),
    );
  });

  it("shows an empty plan after the apply and after a refresh, sending no request", async () => {
    const declared = await declareOffers([{ name: NAME, args: offer }]);
    stack.emulator.clearRequests();
    const [preview] = await stack.engine.preview(declared);
    expect({ kind: preview.kind, inputChanges: preview.inputChanges }).toEqual({
      kind: "same",
      inputChanges: [],
    });
    expect(stack.emulator.requests()).toEqual([]);
    expect(await stack.engine.refresh()).toEqual({ drifted: [], gone: [] });
    const [after] = await stack.engine.preview(declared);
    expect(after.kind).toBe("same");
  });
});
