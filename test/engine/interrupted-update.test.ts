/**
 * An update that Affise carried out but never answered (the connection dropped after the edit was
 * stored) fails; the rerun finds the payment it added already in Affise and keeps its id, rather
 * than sending it again as a new payment.
 */
import type { OfferArgs, PaymentArgs } from "../../provider";
import { declareOffers } from "../../harness/declare-offers";
import { sampleOffer } from "../../harness/fixtures";
import { type Stack, startStack } from "../../harness/stack";

let stack: Stack;
beforeAll(async () => {
  // No retries: the dropped edit fails the update at once, as a killed or timed-out run would.
  stack = await startStack({ config: { "affise:maxRetries": "0" } });
});
afterAll(() => stack.stop());

const paymentsOf = (id: string) =>
  stack.emulator.offers().find((o) => String(o.id) === id)!.payments as Array<{
    id: string;
    countries: string[];
  }>;

it("a payment added by an update that failed after Affise stored it keeps its id on the rerun", async () => {
  const declared = sampleOffer(6);
  await stack.engine.up(await declareOffers([{ name: "interrupted", args: declared }]));
  const id = stack.engine.state.get("interrupted")!.id;
  const before = paymentsOf(id).map((p) => p.id);

  const added: PaymentArgs = {
    countries: ["FR"],
    total: 9,
    revenue: 5,
    currency: "EUR",
    type: "fixed",
  };
  const grown: OfferArgs = {
    ...declared,
    payments: [...(declared.payments as PaymentArgs[]), added],
  };
  const program = await declareOffers([{ name: "interrupted", args: grown }]);
  stack.emulator.setFaults({ dropEditAfterCommit: 1 });
  const [failed] = await stack.engine.up(program);
  expect(failed.kind).toBe("failed");
  const stored = paymentsOf(id);
  expect(stored).toHaveLength(3);
  const addedId = stored.find((p) => p.countries.join() === "fr")!.id;
  expect(stored.map((p) => p.id)).toEqual(expect.arrayContaining(before));

  stack.emulator.clearRequests();
  const [rerun] = await stack.engine.up(program);
  expect(rerun).toMatchObject({ kind: "update", inputChanges: ["payments"] });
  const after = paymentsOf(id);
  expect(after).toHaveLength(3);
  expect(after.map((p) => p.id).sort()).toEqual([...before, addedId].sort());
  expect(stack.engine.state.get("interrupted")!.outputs.payments).toEqual(
    expect.arrayContaining([expect.objectContaining({ id: addedId, countries: ["FR"] })]),
  );

  stack.emulator.clearRequests();
  expect((await stack.engine.up(program))[0].kind).toBe("same");
  expect(stack.emulator.requests()).toEqual([]);
});
