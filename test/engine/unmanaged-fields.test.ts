/**
 * An edit sends what changed and leaves the rest to Affise, which keeps what an edit omits: a
 * payment field set in the Affise UI that the provider does not manage (custom_field1) survives a
 * change of the offer's title.
 */
import { declareOffers } from "../harness/declare-offers";
import { sampleOffer } from "../harness/fixtures";
import { type Stack, startStack } from "../harness/stack";

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
