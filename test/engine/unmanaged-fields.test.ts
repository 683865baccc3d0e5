/**
 * An edit sends what changed and leaves the rest to Affise, which keeps what an edit omits: a
 * payment field set in the Affise UI that the provider does not manage (custom_field1) survives a
 * change of the offer's title. When the payments themselves are edited, Affise replaces the list
 * whole: each payment that continues keeps its id, and its unmanaged fields are read from Affise
 * and resent unchanged.
 */
import type { OfferArgs, PaymentArgs } from "../../provider";
import { declareOffers } from "../../harness/declare-offers";
import { sampleOffer } from "../../harness/fixtures";
import { type Stack, startStack } from "../../harness/stack";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

interface ReadPayment {
  id: string;
  countries: string[];
  devices: string[];
  total: number;
  revenue: number;
  currency: string;
  type: string;
  custom_field1?: string;
}

const paymentArgs = (offer: OfferArgs, i: number) => (offer.payments as PaymentArgs[])[i];

const paymentsOf = (id: string) =>
  stack.emulator.offers().find((o) => String(o.id) === id)!.payments as ReadPayment[];

/** What the Affise UI sends when someone sets custom_field1 on the offer's first payment. */
async function setCustomFieldInUi(id: string, value: string): Promise<void> {
  const form = new URLSearchParams();
  paymentsOf(id).forEach((p, i) => {
    form.append(`payments[${i}][id]`, p.id);
    p.countries.forEach((c) => form.append(`payments[${i}][countries][]`, c));
    p.devices.forEach((d) => form.append(`payments[${i}][devices][]`, d));
    for (const key of ["total", "revenue", "currency", "type"] as const) {
      form.append(`payments[${i}][${key}]`, String(p[key]));
    }
    if (i === 0) form.append(`payments[${i}][custom_field1]`, value);
  });
  const answer = await fetch(`${stack.emulator.url}/3.0/admin/offer/${id}`, {
    method: "POST",
    headers: { "API-Key": stack.apiKey, "Content-Type": "application/x-www-form-urlencoded" },
    body: form.toString(),
  });
  expect(answer.status).toBe(200);
}

it("a title-only change sends no payments, and a UI-set custom_field1 survives it", async () => {
  await stack.engine.up(await declareOffers([{ name: "ui-fields", args: sampleOffer(4) }]));
  const id = stack.engine.state.get("ui-fields")!.id;
  await setCustomFieldInUi(id, "crm-campaign-9");
  const before = paymentsOf(id);
  expect(before.filter((p) => p.custom_field1 === "crm-campaign-9")).toHaveLength(1);

  stack.emulator.clearRequests();
  const retitled = await declareOffers([
    { name: "ui-fields", args: { ...sampleOffer(4), title: "Renamed in Git" } },
  ]);
  const [step] = await stack.engine.up(retitled);
  expect(step).toMatchObject({ kind: "update", inputChanges: ["title"] });
  const edits = stack.emulator.requests().filter((r) => r.method === "POST");
  expect(edits.map((r) => r.path)).toEqual([`/3.0/admin/offer/${id}`]);
  expect(Object.keys(edits[0].body).filter((k) => /payments/.test(k))).toEqual([]);
  expect(edits[0].body).toMatchObject({ title: "Renamed in Git" });
  expect(paymentsOf(id)).toEqual(before);

  stack.emulator.clearRequests();
  expect((await stack.engine.up(retitled))[0].kind).toBe("same");
  expect(stack.emulator.requests()).toEqual([]);
});

it("a revenue change of a payment resends its UI-set custom_field1, and its id stays", async () => {
  const declared = sampleOffer(5);
  await stack.engine.up(await declareOffers([{ name: "ui-revenue", args: declared }]));
  const id = stack.engine.state.get("ui-revenue")!.id;
  await setCustomFieldInUi(id, "crm-campaign-7");
  const before = paymentsOf(id);

  const repriced = sampleOffer(5);
  repriced.payments = [{ ...paymentArgs(declared, 0), revenue: 7 }, paymentArgs(declared, 1)];
  stack.emulator.clearRequests();
  const program = await declareOffers([{ name: "ui-revenue", args: repriced }]);
  const [step] = await stack.engine.up(program);
  expect(step).toMatchObject({ kind: "update", inputChanges: ["payments"] });
  const edits = stack.emulator.requests().filter((r) => r.method === "POST");
  expect(edits.map((r) => r.path)).toEqual([`/3.0/admin/offer/${id}`]);
  const sent = edits[0].body.payments as Record<string, unknown>[];
  expect(sent[0]).toMatchObject({
    id: before[0].id,
    custom_field1: "crm-campaign-7",
    revenue: "7",
  });
  expect(Object.keys(sent[1]).filter((k) => /custom_field/.test(k))).toEqual([]);

  const after = paymentsOf(id);
  expect(after.map((p) => p.id)).toEqual(before.map((p) => p.id));
  expect(after[0]).toEqual({ ...before[0], revenue: 7 });
  expect(after[1]).toEqual(before[1]);

  stack.emulator.clearRequests();
  expect((await stack.engine.up(program))[0].kind).toBe("same");
  expect(stack.emulator.requests()).toEqual([]);
});
