import type { RunningEmulator } from "../../emulator";
import {
  createOffer,
  HELP_CENTRE_CREATE,
  startTestEmulator,
  type Json,
  type TestClient,
} from "./helpers";

describe("editing an offer (POST /3.0/admin/offer/{id})", () => {
  let emulator: RunningEmulator;
  let client: TestClient;

  beforeAll(async () => {
    ({ emulator, client } = await startTestEmulator());
  });
  afterAll(() => emulator.close());

  async function edit(id: number, form: string | Record<string, unknown>): Promise<Json> {
    const response = await client.post(`/3.0/admin/offer/${id}`, form);
    expect(response.status).toBe(200);
    expect(response.json.status).toBe(1);
    return response.json.offer;
  }

  async function read(id: number): Promise<Json> {
    return (await client.get(`/3.0/offer/${id}`)).json.offer;
  }

  it("keeps every field the edit leaves out", async () => {
    const offer = await createOffer(client, { external_offer_id: "ext-1" });
    const edited = await edit(offer.id, { title: "New title" });
    expect(edited.title).toBe("New title");
    expect(edited).toMatchObject({
      advertiser: offer.advertiser,
      url: offer.url,
      external_offer_id: "ext-1",
      payments: offer.payments,
      partner_payments: offer.partner_payments,
    });
    expect(await read(offer.id)).toEqual(edited);
  });

  it("returns the whole offer, as GET does", async () => {
    const offer = await createOffer(client);
    const edited = await edit(offer.id, { status: "active" });
    expect(edited).toEqual(await read(offer.id));
  });

  it("replaces the payments list whole: a payment left out is deleted", async () => {
    const offer = await createOffer(client, {
      payments: [
        { countries: ["US"], currency: "USD", type: "fixed", total: "1" },
        { countries: ["GB"], currency: "GBP", type: "fixed", total: "2" },
      ],
    });
    const [first] = offer.payments;
    const edited = await edit(offer.id, {
      payments: [{ id: first.id, countries: ["US"], currency: "USD", type: "fixed", total: "1" }],
    });
    expect(edited.payments).toEqual([first]);
  });

  it("keeps a payment's id when the edit resends it", async () => {
    const offer = await createOffer(client);
    const [payment] = offer.payments;
    const edited = await edit(offer.id, {
      payments: [
        { id: payment.id, countries: ["US", "CA"], currency: "USD", type: "fixed", total: "10" },
      ],
    });
    expect(edited.payments[0].id).toBe(payment.id);
    expect(edited.payments[0].countries).toEqual(["us", "ca"]);
  });

  it("gives a new id to a payment sent without one, even if it is otherwise identical", async () => {
    const offer = await createOffer(client);
    const [payment] = offer.payments;
    const edited = await edit(offer.id, {
      payments: [{ countries: ["US"], total: "10", revenue: "7", currency: "USD", type: "fixed" }],
    });
    expect(edited.payments[0].id).not.toBe(payment.id);
    expect({ ...edited.payments[0], id: payment.id }).toEqual(payment);
  });

  it("gives a new id to a payment sent with an id the offer does not have", async () => {
    const offer = await createOffer(client);
    const foreign = "0b7f0f3c-3c3c-4d4d-9e9e-000000000000";
    const edited = await edit(offer.id, {
      payments: [{ id: foreign, currency: "USD", type: "fixed" }],
    });
    expect(edited.payments[0].id).not.toBe(foreign);
    expect(edited.payments[0].id).not.toBe(offer.payments[0].id);
  });

  it("rebuilds a resent payment from what was sent: fields left out of it go back to defaults", async () => {
    const offer = await createOffer(client, {
      payments: [
        { countries: ["US"], devices: ["mobile"], currency: "USD", type: "fixed", total: "5" },
      ],
    });
    const [payment] = offer.payments;
    const edited = await edit(offer.id, {
      payments: [{ id: payment.id, currency: "USD", type: "fixed" }],
    });
    expect(edited.payments[0]).toMatchObject({
      id: payment.id,
      countries: [],
      devices: [],
      total: 0,
    });
  });

  it("leaves a list alone when the edit does not mention it", async () => {
    const created = await client.post("/3.0/admin/offer", HELP_CENTRE_CREATE);
    const offer = created.json.offer;
    const edited = await edit(offer.id, { title: "Only the title" });
    expect(edited.payments).toEqual(offer.payments);
    expect(edited.partner_payments).toEqual(offer.partner_payments);
  });

  it("keeps personal payment ids when resent, and replaces the personal payments whole", async () => {
    const created = await client.post("/3.0/admin/offer", HELP_CENTRE_CREATE);
    const offer = created.json.offer;
    const [personal] = offer.partner_payments;
    const edited = await edit(offer.id, {
      partner_payments: [
        { id: personal.id, partners: ["2", "7"], currency: "USD", type: "fixed", total: "20" },
        { partners: ["9"], currency: "EUR", type: "percent", revenue: "30" },
      ],
    });
    expect(edited.partner_payments).toHaveLength(2);
    expect(edited.partner_payments[0]).toMatchObject({ id: personal.id, partners: [2, 7] });
    expect(edited.partner_payments[1].id).not.toBe(personal.id);
    expect(edited.payments).toEqual(offer.payments);
  });

  it("clears a payment's countries when they are sent as an empty string", async () => {
    const offer = await createOffer(client);
    const [payment] = offer.payments;
    const edited = await edit(
      offer.id,
      `payments[0][id]=${payment.id}&payments[0][countries]=&payments[0][currency]=USD&payments[0][type]=fixed`,
    );
    expect(edited.payments[0]).toMatchObject({ id: payment.id, countries: [] });
  });

  it("removes all personal payments when partner_payments is sent as an empty string", async () => {
    const created = await client.post("/3.0/admin/offer", HELP_CENTRE_CREATE);
    const edited = await edit(created.json.offer.id, "partner_payments=");
    expect(edited.partner_payments).toEqual([]);
    expect(edited.payments).toHaveLength(1);
  });

  it("moves updated_at forward and keeps created_at", async () => {
    const offer = await createOffer(client);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const edited = await edit(offer.id, { title: "Later" });
    expect(edited.created_at).toBe(offer.created_at);
    expect(edited.updated_at > offer.updated_at).toBe(true);
  });

  it("answers 404 Resource Not Found for an offer that does not exist", async () => {
    const response = await client.post("/3.0/admin/offer/999999", { title: "x" });
    expect(response.status).toBe(404);
    expect(response.json).toEqual({ status: 2, message: "Resource Not Found" });
  });

  it("answers 404 Page Not Found for an id that is not an integer", async () => {
    const response = await client.post("/3.0/admin/offer/abc", { title: "x" });
    expect(response.status).toBe(404);
    expect(response.json).toEqual({ status: 2, error: "Page Not Found" });
  });
});
