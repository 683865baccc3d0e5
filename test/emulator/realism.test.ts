/**
 * What real Affise tenants do that a kinder emulator would hide: code case on read-back varies by
 * tenant, validation errors come in `error`, the last page has no `next_page`, the documented
 * `[]` boolean form, the read model's commission tiers, schedule, sources and redirect type, and
 * the affiliate view for a key that is not an admin's.
 */
import type { RunningEmulator } from "../../emulator";
import { createOffer, startTestEmulator, TestClient, type Json } from "./helpers";

const AFFILIATE_KEY = "affiliate-test-key";
let emulator: RunningEmulator;
let client: TestClient;
beforeAll(async () => {
  ({ emulator, client } = await startTestEmulator({ affiliateApiKeys: [AFFILIATE_KEY] }));
});
afterAll(() => emulator.close());

const mixedCase = {
  payments: [
    { countries: ["us", "RU"], total: "10", revenue: "7", currency: "Usd", type: "fixed" },
  ],
  caps: [
    { period: "day", type: "conversions", value: "5", country_type: "exact", country: ["de"] },
  ],
  targeting: [{ country: { allow: ["fr"] } }],
};

describe("code case on read-back is a tenant setting", () => {
  it("a lower-case tenant (the default) reads payment codes back lower-case", async () => {
    const offer = await createOffer(client, mixedCase);
    expect(offer.payments[0]).toMatchObject({ countries: ["us", "ru"], currency: "usd" });
  });

  it("an as-sent tenant reads every code back exactly as it was sent", async () => {
    const asSent = await startTestEmulator({ codeCase: "as-sent" });
    try {
      const offer = await createOffer(asSent.client, mixedCase);
      expect(offer.payments[0]).toMatchObject({ countries: ["us", "RU"], currency: "Usd" });
      expect(offer.caps[0].country).toEqual(["de"]);
      expect(offer.targeting[0].country.allow).toEqual(["fr"]);
      const read = await asSent.client.get(`/3.0/offer/${offer.id}`);
      expect(read.json.offer.payments[0].currency).toBe("Usd");
    } finally {
      await asSent.emulator.close();
    }
  });
});

it("answers a refused write with the text in `error`, as Affise's own clients read it", async () => {
  const response = await client.post("/3.0/admin/offer", { title: "" });
  expect(response.status).toBe(400);
  expect(response.json).toEqual({ status: 2, error: expect.stringContaining("title") });
});

it("leaves next_page out on the last page", async () => {
  await createOffer(client, { status: "active" });
  await createOffer(client, { status: "active" });
  const first = await client.get("/3.0/offers", { limit: 1, page: 1 });
  expect(first.json.pagination.next_page).toBe(2);
  const total = first.json.pagination.total_count as number;
  const last = await client.get("/3.0/offers", { limit: 1, page: total });
  expect(last.json.pagination).not.toHaveProperty("next_page");
  expect(last.json.pagination).toMatchObject({ page: total, total_count: total, per_page: 1 });
});

it("takes the documented payments[0][country_exclude][]=1 form", async () => {
  const form = [
    "title=Exclude",
    "advertiser=5e39279bac611cda7e5765ab",
    "url=https%3A%2F%2Ft.test%2F",
    "payments[0][countries][]=US",
    "payments[0][country_exclude][]=1",
    "payments[0][total]=2",
    "payments[0][revenue]=1",
    "payments[0][currency]=USD",
    "payments[0][type]=fixed",
  ].join("&");
  const response = await client.post("/3.0/admin/offer", form);
  expect(response.status).toBe(200);
  expect(response.json.offer.payments[0].country_exclude).toBe(true);
});

it("has commission tiers, a schedule, sources and the redirect type in its read model", async () => {
  const offer = await createOffer(client, {
    redirect_type: "js",
    sources: ["51f531f53b7d9b1e0382f6d9"],
  });
  expect(offer).toMatchObject({
    commission_tiers: [],
    schedule: { enabled: false, date_start: "", date_to: "" },
    sources: ["51f531f53b7d9b1e0382f6d9"],
    redirect_type: "js",
  });
  expect((await createOffer(client)).redirect_type).toBe("http302");
});

describe("a key that is not an admin's", () => {
  const affiliate = () => new TestClient(emulator.url, AFFILIATE_KEY);
  let offer: Json;
  beforeAll(async () => {
    offer = await createOffer(client, {
      status: "active",
      partner_payments: [
        { partners: ["7"], total: "3", revenue: "2", currency: "USD", type: "fixed" },
      ],
    });
  });

  it("reads the affiliate view: no advertiser, no payment total, no personal payments", async () => {
    const { json } = await affiliate().get(`/3.0/offer/${offer.id}`);
    expect(json.status).toBe(1);
    expect(json.offer.id).toBe(offer.id);
    expect(json.offer).not.toHaveProperty("advertiser");
    expect(json.offer).not.toHaveProperty("partner_payments");
    expect(json.offer.payments[0]).not.toHaveProperty("total");
    expect(json.offer.payments[0]).toHaveProperty("revenue", 7);
    const list = await affiliate().get("/3.0/offers", { int_id: [offer.id] });
    expect(list.json.offers[0]).not.toHaveProperty("advertiser");
  });

  it("is refused admin requests with 403 Auth Denied", async () => {
    const create = await affiliate().post("/3.0/admin/offer", { title: "x" });
    expect(create).toMatchObject({ status: 403, json: { status: 2, message: "Auth Denied" } });
    const currencies = await affiliate().get("/3.0/admin/currency");
    expect(currencies.status).toBe(403);
  });
});
