import type { RunningEmulator } from "../../emulator";
import { createOffer, startTestEmulator, type TestClient } from "./helpers";

describe("caps and landings", () => {
  let emulator: RunningEmulator;
  let client: TestClient;

  beforeAll(async () => {
    ({ emulator, client } = await startTestEmulator());
  });
  afterAll(() => emulator.close());

  describe("caps", () => {
    it("reads goals back as a map of goal value to title", async () => {
      const offer = await createOffer(client, {
        payments: [{ goal: "3", title: "Install", currency: "USD", type: "fixed" }],
        caps: [
          { period: "day", type: "conversions", value: "100", goal_type: "exact", goals: ["3"] },
          {
            period: "month",
            type: "budget",
            value: "2500.50",
            affiliate_type: "exact",
            affiliates: ["7", "9"],
          },
          {
            period: "all",
            type: "clicks",
            value: "1000",
            country_type: "exact",
            country: ["US", "DE"],
          },
        ],
      });
      expect(offer.caps).toEqual([
        {
          period: "day",
          type: "conversions",
          value: 100,
          goal_type: "exact",
          goals: { "3": "Install" },
          affiliate_type: "all",
          affiliates: [],
          country_type: "all",
          country: [],
        },
        expect.objectContaining({
          type: "budget",
          value: 2500.5,
          goals: [],
          affiliate_type: "exact",
          affiliates: [7, 9],
        }),
        expect.objectContaining({ type: "clicks", country_type: "exact", country: ["US", "DE"] }),
      ]);
    });

    it("replaces caps whole on edit and removes them with caps=", async () => {
      const offer = await createOffer(client, {
        caps: [{ period: "day", type: "clicks", value: "10" }],
      });
      const edited = await client.post(`/3.0/admin/offer/${offer.id}`, {
        caps: [{ period: "hour", type: "impressions", value: "5" }],
      });
      expect(edited.json.offer.caps).toEqual([
        expect.objectContaining({ period: "hour", type: "impressions", value: 5 }),
      ]);
      const cleared = await client.post(`/3.0/admin/offer/${offer.id}`, "caps=");
      expect(cleared.json.offer.caps).toEqual([]);
    });

    it.each([
      ["without a period", { type: "clicks", value: "1" }, "caps[0].period: is required"],
      [
        "with an unknown type",
        { period: "day", type: "leads", value: "1" },
        "caps[0].type: must be one of",
      ],
      [
        "with a fractional conversion count",
        { period: "day", type: "conversions", value: "1.5" },
        "caps[0].value: must be an integer",
      ],
      [
        "with exact goals but no goals",
        { period: "day", type: "clicks", value: "1", goal_type: "exact" },
        "caps[0].goals: is required when goal_type is exact",
      ],
      [
        "with goals but goal_type all",
        { period: "day", type: "clicks", value: "1", goals: ["1"] },
        "caps[0].goals: is only allowed when goal_type is exact",
      ],
      [
        "with an unknown country",
        { period: "day", type: "clicks", value: "1", country_type: "exact", country: ["XX"] },
        "caps[0].country[0]: unknown country code",
      ],
    ])("refuses a cap %s", async (_name, cap, message) => {
      const response = await client.post("/3.0/admin/offer", {
        title: "Capped",
        advertiser: "5e39279bac611cda7e5765ab",
        url: "https://example.com/",
        payments: [{ currency: "USD", type: "fixed" }],
        caps: [cap],
      });
      expect(response.status).toBe(400);
      expect(response.json.error).toContain(message);
    });
  });

  describe("landings", () => {
    const landing = (title: string, extra: Record<string, unknown> = {}) => ({
      title,
      url: `https://example.com/${title}`,
      url_preview: `https://preview.example.com/${title}`,
      ...extra,
    });

    it("gives each new landing an integer id and reads it back with its type", async () => {
      const offer = await createOffer(client, {
        landings: [landing("a"), landing("b", { type: "transit" })],
      });
      expect(offer.landings).toEqual([
        {
          id: expect.any(Number),
          title: "a",
          url: "https://example.com/a",
          url_preview: "https://preview.example.com/a",
          type: "landing",
        },
        expect.objectContaining({ title: "b", type: "transit" }),
      ]);
      expect(offer.landings[1].id).not.toBe(offer.landings[0].id);
    });

    it("keeps a landing's id when the edit resends it, and numbers new ones afresh", async () => {
      const offer = await createOffer(client, { landings: [landing("a"), landing("b")] });
      const [a, b] = offer.landings;
      const edited = await client.post(`/3.0/admin/offer/${offer.id}`, {
        landings: [landing("a2", { id: String(a.id) }), landing("c")],
      });
      const landings = edited.json.offer.landings;
      expect(landings[0]).toMatchObject({ id: a.id, title: "a2" });
      expect([a.id, b.id]).not.toContain(landings[1].id);
      expect(landings).toHaveLength(2);
    });

    it("does not let an edit claim another offer's landing id", async () => {
      const other = await createOffer(client, { landings: [landing("x")] });
      const offer = await createOffer(client);
      const edited = await client.post(`/3.0/admin/offer/${offer.id}`, {
        landings: [landing("y", { id: String(other.landings[0].id) })],
      });
      expect(edited.json.offer.landings[0].id).not.toBe(other.landings[0].id);
    });

    it("removes every landing with landings=", async () => {
      const offer = await createOffer(client, { landings: [landing("a")] });
      const edited = await client.post(`/3.0/admin/offer/${offer.id}`, "landings=");
      expect(edited.json.offer.landings).toEqual([]);
    });

    it("requires title, url and url_preview on each landing", async () => {
      const offer = await createOffer(client);
      const response = await client.post(`/3.0/admin/offer/${offer.id}`, {
        landings: [{ title: "t" }],
      });
      expect(response.status).toBe(400);
      expect(response.json.error).toContain("landings[0].url: is required");
      expect(response.json.error).toContain("landings[0].url_preview: is required");
    });
  });
});
