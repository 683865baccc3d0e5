import type { RunningEmulator } from "../../emulator";
import { ADVERTISER, startTestEmulator, type Json, type TestClient } from "./helpers";

describe("reference lists", () => {
  let emulator: RunningEmulator;
  let client: TestClient;

  beforeAll(async () => {
    ({ emulator, client } = await startTestEmulator());
  });
  afterAll(() => emulator.close());

  it("lists ISO-2 countries with names at /3.1/countries", async () => {
    const { json } = await client.get("/3.1/countries");
    expect(json.status).toBe(1);
    expect(json.countries.length).toBeGreaterThan(240);
    expect(json.countries).toContainEqual({ code: "DE", name: "Germany" });
    for (const country of json.countries) expect(country.code).toMatch(/^[A-Z]{2}$/);
  });

  it("lists currency quotes as a code-to-rate map at /3.0/admin/currency", async () => {
    const { json } = await client.get("/3.0/admin/currency");
    expect(json.status).toBe(1);
    expect(json.quotes).toMatchObject({ USD: 1, RUB: expect.any(Number), BYR: expect.any(Number) });
  });

  it("lists currencies in detail with extended=1, and only active ones with get_only_active=1", async () => {
    const { json } = await client.get("/3.0/admin/currency", { extended: 1 });
    expect(json.quotes).toContainEqual({
      _id: 2,
      code: "USD",
      active: true,
      default: true,
      rate: 1,
      min_payment: 20,
      is_crypto: null,
    });
    expect(json.quotes.find((currency: Json) => currency.code === "BYR").active).toBe(false);
    const active = await client.get("/3.0/admin/currency", { extended: 1, get_only_active: 1 });
    expect(active.json.quotes.every((currency: Json) => currency.active)).toBe(true);
  });

  it("lists device types at /3.1/devices", async () => {
    const { json } = await client.get("/3.1/devices");
    expect(json).toEqual({
      status: 1,
      types: ["mediahub", "mobile", "ereader", "console", "tv", "tablet", "desktop", "smartwatch"],
    });
  });

  it("lists OSes as an object keyed by index strings, with a gap, at /3.1/oses", async () => {
    const { json } = await client.get("/3.1/oses");
    expect(Array.isArray(json.oses)).toBe(false);
    expect(Object.values(json.oses)).toEqual(expect.arrayContaining(["Android", "iOS", "Windows"]));
    expect(Object.keys(json.oses).slice(0, 4)).toEqual(["0", "1", "2", "4"]);
    expect(json.pagination).toEqual({
      page: 1,
      per_page: 2147483647,
      total_count: Object.keys(json.oses).length,
    });
  });

  it("lists an OS's versions at /3.1/oses/{os}, 404 for an unknown OS", async () => {
    const { json } = await client.get("/3.1/oses/Android");
    expect(json.versions).toContain("14");
    expect((await client.get("/3.1/oses/Plan9")).status).toBe(404);
  });

  it("lists goals at /3.0/goals", async () => {
    const { json } = await client.get("/3.0/goals");
    expect(json.goals).toContainEqual({ id: 1, title: "Default" });
  });

  it("lists cities of a country at /3.1/cities, which needs country", async () => {
    const { json } = await client.get("/3.1/cities", { country: "RU" });
    expect(json.cities).toContainEqual({
      country_code: "RU",
      id: 524901,
      name: "Moscow",
      region_code: "Moscow",
    });
    expect(json.cities.every((city: Json) => city.country_code === "RU")).toBe(true);
    expect((await client.get("/3.1/cities")).status).toBe(400);
  });

  it("lists advertisers with pagination at /3.0/admin/advertisers, including the help-centre one", async () => {
    const { json } = await client.get("/3.0/admin/advertisers");
    expect(json.status).toBe(1);
    expect(json.advertisers).toContainEqual(
      expect.objectContaining({ id: ADVERTISER, title: expect.any(String) }),
    );
    expect(json.pagination).toEqual({
      per_page: 100,
      total_count: json.advertisers.length,
      page: 1,
    });
    const paged = await client.get("/3.0/admin/advertisers", { limit: 1 });
    expect(paged.json.advertisers).toHaveLength(1);
    expect(paged.json.pagination.next_page).toBe(2);
  });

  it("lists offer categories at /3.0/offer/categories", async () => {
    const { json } = await client.get("/3.0/offer/categories");
    expect(json.categories[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      title: expect.any(String),
    });
  });

  it("lists connection types at /3.1/connection-types", async () => {
    const { json } = await client.get("/3.1/connection-types");
    expect(json).toEqual({ status: 1, types: ["wi-fi", "cellular", "other"] });
  });
});
