import type { RunningEmulator } from "../../emulator";
import { createOffer, offerForm, startTestEmulator, type TestClient } from "./helpers";

/** A payment that is valid unless a test overrides one of its fields. */
const payment = (fields: Record<string, unknown> = {}) => ({
  currency: "USD",
  type: "fixed",
  ...fields,
});

describe("validation on create and edit", () => {
  let emulator: RunningEmulator;
  let client: TestClient;

  beforeAll(async () => {
    ({ emulator, client } = await startTestEmulator());
  });
  afterAll(() => emulator.close());

  async function expectRefusedCreate(
    form: Record<string, unknown>,
    message: string,
  ): Promise<void> {
    const before = emulator.offers().length;
    const response = await client.post("/3.0/admin/offer", form);
    expect(response.status).toBe(400);
    expect(response.json.status).toBe(2);
    expect(response.json.error).toContain(message);
    expect(emulator.offers()).toHaveLength(before);
  }

  it.each(["title", "advertiser", "url", "payments"])("requires %s on create", async (field) => {
    const form = offerForm();
    delete form[field];
    await expectRefusedCreate(form, `${field}: is required`);
  });

  it.each([
    ["an empty title", { title: "  " }, "title: must not be empty"],
    [
      "a malformed advertiser id",
      { advertiser: "acme" },
      "advertiser: must be a 24-character hex advertiser id",
    ],
    [
      "an unknown advertiser",
      { advertiser: "0123456789abcdef01234567" },
      "advertiser: unknown advertiser",
    ],
    ["a url that is not http(s)", { url: "ftp://example.com/" }, "url: must be an http(s) URL"],
    ["a url that is not a URL", { url: "not a url" }, "url: must be an http(s) URL"],
    [
      "an unknown status",
      { status: "paused" },
      "status: must be one of active, stopped, suspended",
    ],
    [
      "an unknown privacy",
      { privacy: "secret" },
      "privacy: must be one of public, protected, private",
    ],
    ["an empty payments list", { payments: "" }, "payments: an offer needs at least one payment"],
  ])("refuses %s", async (_name, overrides, message) => {
    await expectRefusedCreate(offerForm(overrides), message);
  });

  it.each([
    ["a payment without currency", { currency: undefined }, "payments[0].currency: is required"],
    ["an unknown currency", { currency: "XXX" }, "payments[0].currency: unknown currency 'XXX'"],
    [
      "an inactive currency",
      { currency: "BYR" },
      "payments[0].currency: currency 'BYR' is not active",
    ],
    ["a payment without type", { type: undefined }, "payments[0].type: is required"],
    ["an unknown payment type", { type: "cpa" }, "payments[0].type: must be one of fixed, percent"],
    [
      "an unknown country",
      { countries: ["US", "XX"] },
      "payments[0].countries[1]: unknown country code 'XX'",
    ],
    [
      "a three-letter country",
      { countries: ["USA"] },
      "payments[0].countries[0]: unknown country code 'USA'",
    ],
    ["an unknown device", { devices: ["phone"] }, "payments[0].devices[0]: unknown device 'phone'"],
    ["an unknown OS", { os: ["android"] }, "payments[0].os[0]: unknown OS 'android'"],
    ["an unknown city", { cities: ["1"] }, "payments[0].cities[0]: unknown city id 1"],
    [
      "a city id that is not a number",
      { cities: ["Moscow"] },
      "payments[0].cities[0]: must be an integer",
    ],
    ["a negative total", { total: "-1" }, "payments[0].total: must not be negative"],
    ["a revenue that is not a number", { revenue: "ten" }, "payments[0].revenue: must be a number"],
    [
      "country_exclude other than 0/1",
      { country_exclude: "yes" },
      "payments[0].country_exclude: must be 0 or 1",
    ],
    [
      "countries sent as a single string",
      { countries: "US" },
      "payments[0].countries: must be a list",
    ],
  ])("refuses %s", async (_name, fields, message) => {
    await expectRefusedCreate(offerForm({ payments: [payment(fields)] }), message);
  });

  it("names the index the client sent, even when indices are sparse", async () => {
    const form = offerForm({ payments: { 3: payment({ currency: "XXX" }) } });
    await expectRefusedCreate(form, "payments[3].currency: unknown currency 'XXX'");
  });

  it.each([
    ["no partners", {}, "partner_payments[0].partners: at least one affiliate id is required"],
    [
      "an empty partners list",
      { partners: "" },
      "partner_payments[0].partners: at least one affiliate id",
    ],
    [
      "a partner id that is not an integer",
      { partners: ["abc"] },
      "partner_payments[0].partners[0]: must be an integer",
    ],
    [
      "a partner id of zero",
      { partners: ["0"] },
      "partner_payments[0].partners[0]: must be at least 1",
    ],
  ])("refuses a personal payment with %s", async (_name, fields, message) => {
    await expectRefusedCreate(offerForm({ partner_payments: [payment(fields)] }), message);
  });

  it("reports every problem in one message", async () => {
    const form = offerForm({
      title: "",
      payments: [payment({ currency: "XXX" }), payment({ type: "nope" })],
    });
    const response = await client.post("/3.0/admin/offer", form);
    expect(response.json.error).toContain("title: must not be empty");
    expect(response.json.error).toContain("payments[0].currency: unknown currency 'XXX'");
    expect(response.json.error).toContain("payments[1].type: must be one of");
  });

  it("refuses an invalid edit and leaves the offer exactly as it was", async () => {
    const offer = await createOffer(client, { title: "Before" });
    const response = await client.post(`/3.0/admin/offer/${offer.id}`, {
      title: "After",
      payments: [payment({ countries: ["ZZ"] })],
    });
    expect(response.status).toBe(400);
    expect(response.json.error).toContain("payments[0].countries[0]: unknown country code 'ZZ'");
    const read = await client.get(`/3.0/offer/${offer.id}`);
    expect(read.json.offer).toEqual(offer);
  });

  it("accepts lower-case currency and country codes, as Affise stores them lower-case anyway", async () => {
    const offer = await createOffer(client, {
      payments: [payment({ currency: "usd", countries: ["us"] })],
    });
    expect(offer.payments[0]).toMatchObject({ currency: "usd", countries: ["us"] });
  });

  it("ignores fields it does not know, as Affise does", async () => {
    const offer = await createOffer(client, {
      no_such_field: "x",
      payments: [payment({ colour: "red" })],
    });
    expect(offer).not.toHaveProperty("no_such_field");
    expect(offer.payments[0]).not.toHaveProperty("colour");
  });
});
