import type { RunningEmulator } from "../../emulator";
import {
  ADVERTISER,
  createOffer,
  HELP_CENTRE_CREATE,
  offerForm,
  startTestEmulator,
  type TestClient,
} from "./helpers";

describe("creating an offer (POST /3.0/admin/offer)", () => {
  let emulator: RunningEmulator;
  let client: TestClient;

  beforeAll(async () => {
    ({ emulator, client } = await startTestEmulator());
  });
  afterAll(() => emulator.close());

  describe("the help-centre request", () => {
    it("is accepted and reads back with both the general and the personal payment", async () => {
      const created = await client.post("/3.0/admin/offer", HELP_CENTRE_CREATE);
      expect(created.status).toBe(200);
      expect(created.json.status).toBe(1);
      const id = created.json.offer.id;

      const read = await client.get(`/3.0/offer/${id}`);
      expect(read.status).toBe(200);
      const offer = read.json.offer;
      expect(offer).toMatchObject({
        id,
        title: "Help centre offer",
        advertiser: ADVERTISER,
        url: "https://advertiser.example.com/offer?click={clickid}",
        status: "stopped",
        privacy: "public",
      });
      expect(offer.payments).toEqual([
        {
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          title: "",
          countries: ["ru", "us"],
          country_exclude: true,
          cities: [],
          devices: ["desktop"],
          os: [],
          goal: "2",
          total: 100,
          revenue: 50,
          currency: "usd",
          type: "fixed",
          with_regions: false,
          url: null,
          sub1: "abc",
        },
      ]);
      expect(offer.partner_payments).toEqual([
        expect.objectContaining({
          partners: [2],
          countries: ["ru"],
          goal: "3",
          total: 20,
          revenue: 15,
          currency: "usd",
          type: "fixed",
        }),
      ]);
    });
  });

  describe("identifiers", () => {
    it("assigns increasing integer ids and a 24-hex offer_id", async () => {
      const first = await createOffer(client);
      const second = await createOffer(client);
      expect(Number.isInteger(first.id)).toBe(true);
      expect(second.id).toBeGreaterThan(first.id);
      expect(first.offer_id).toMatch(/^[0-9a-f]{24}$/);
      expect(second.offer_id).not.toBe(first.offer_id);
    });

    it("gives every payment a UUIDv4 id and ignores ids sent on create", async () => {
      const sentId = "6b2c1c2e-1111-4a4a-8b8b-123456789abc";
      const offer = await createOffer(client, {
        payments: [
          { id: sentId, currency: "USD", type: "fixed" },
          { currency: "EUR", type: "cpc" },
        ],
      });
      const ids = offer.payments.map((payment: { id: string }) => payment.id);
      for (const id of ids)
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(new Set(ids).size).toBe(2);
      expect(ids).not.toContain(sentId);
    });
  });

  describe("the read model differs from what was written", () => {
    it("lower-cases countries and currency, and returns amounts as numbers", async () => {
      const offer = await createOffer(client, {
        payments: [
          { countries: ["DE", "fr"], total: "12.50", revenue: "3", currency: "eur", type: "fixed" },
        ],
      });
      expect(offer.payments[0]).toMatchObject({
        countries: ["de", "fr"],
        currency: "eur",
        total: 12.5,
        revenue: 3,
      });
    });

    it("returns country_exclude as a boolean and os as a list even when one OS is sent as a string", async () => {
      const offer = await createOffer(client, {
        payments: [{ country_exclude: "0", os: "Android", currency: "USD", type: "fixed" }],
      });
      expect(offer.payments[0].country_exclude).toBe(false);
      expect(offer.payments[0].os).toEqual(["Android"]);
    });

    it("returns cities as objects with country, name and region", async () => {
      const offer = await createOffer(client, {
        payments: [{ cities: ["524901", "563497"], currency: "USD", type: "fixed" }],
      });
      expect(offer.payments[0].cities).toEqual([
        { country_code: "RU", id: 524901, name: "Moscow", region_code: "Moscow" },
        { country_code: "KZ", id: 563497, name: "Maksut", region_code: "Qostanay Oblysy" },
      ]);
    });

    it("adds read-only fields a client never sent", async () => {
      const offer = await createOffer(client);
      expect(offer.payments[0]).toMatchObject({ with_regions: false, url: null, goal: "1" });
      expect(offer.created_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(offer.updated_at).toBe(offer.created_at);
      expect(offer).toMatchObject({
        status: "stopped",
        privacy: "public",
        hold_period: 0,
        hold_type: "days",
        stop_at: null,
        is_cpi: false,
        is_top: 0,
        landings: [],
        click_session: "1y",
        minimal_click_session: "0s",
      });
    });

    it("keeps the external_offer_id a client sets", async () => {
      const offer = await createOffer(client, { external_offer_id: "marker-123" });
      expect(offer.external_offer_id).toBe("marker-123");
    });
  });

  describe("encodings", () => {
    it("accepts multipart/form-data with bracketed field names", async () => {
      const form = new FormData();
      form.append("title", "Multipart offer");
      form.append("advertiser", ADVERTISER);
      form.append("url", "https://example.com/");
      form.append("payments[0][countries][]", "US");
      form.append("payments[0][countries][]", "CA");
      form.append("payments[0][currency]", "USD");
      form.append("payments[0][type]", "fixed");
      form.append("logo", new Blob(["png bytes"]), "logo.png");
      const response = await client.send("/3.0/admin/offer", { method: "POST", body: form });
      expect(response.status).toBe(200);
      expect(response.json.offer.payments[0].countries).toEqual(["us", "ca"]);
    });

    it("reads parameters from the query string of a POST, as the official Go SDK sends them", async () => {
      const query = new URLSearchParams({
        title: "Query offer",
        advertiser: ADVERTISER,
        url: "https://example.com/",
        "payments[0][currency]": "USD",
        "payments[0][type]": "cpc",
      });
      const response = await client.send(`/3.0/admin/offer?${query}`, { method: "POST" });
      expect(response.status).toBe(200);
      expect(response.json.offer).toMatchObject({
        title: "Query offer",
        payments: [{ type: "cpc" }],
      });
    });

    it("lets the body win when query and body both carry a field", async () => {
      const response = await client.post(
        "/3.0/admin/offer?title=From%20query",
        offerForm({ title: "From body" }),
      );
      expect(response.json.offer.title).toBe("From body");
    });

    it("accepts indexed lists (a[0]=) as well as empty brackets (a[]=)", async () => {
      const body = offerBody("payments[0][countries][0]=US&payments[0][countries][1]=GB");
      const response = await client.post("/3.0/admin/offer", body);
      expect(response.json.offer.payments[0].countries).toEqual(["us", "gb"]);
    });

    it("keeps index order for sparse and large indices", async () => {
      const body = offerBody(
        "payments[0][currency]=USD&payments[0][type]=fixed" +
          "&payments[0][countries][1500]=US&payments[0][countries][25]=GB&payments[0][countries][3]=DE",
      );
      const response = await client.post("/3.0/admin/offer", body);
      expect(response.status).toBe(200);
      expect(response.json.offer.payments[0].countries).toEqual(["de", "gb", "us"]);
    });

    it("ignores a JSON body, as Affise reads only form fields", async () => {
      const response = await client.send("/3.0/admin/offer", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(offerForm()),
      });
      expect(response.status).toBe(400);
      expect(response.json.error).toContain("title: is required");
    });
  });

  function offerBody(paymentFields: string): string {
    const base = `title=T&advertiser=${ADVERTISER}&url=https%3A%2F%2Fexample.com%2F`;
    const required = paymentFields.includes("[currency]")
      ? ""
      : "&payments[0][currency]=USD&payments[0][type]=fixed";
    return `${base}&${paymentFields}${required}`;
  }
});
