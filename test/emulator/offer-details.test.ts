import type { RunningEmulator } from "../../emulator";
import { createOffer, startTestEmulator, type Json, type TestClient } from "./helpers";

const FINANCE = "5368afb23b7d9b4d5d505342";
const GAMES = "5368a3973b7d9b4d5d59f1ca";

function futureDate(daysAhead: number): string {
  return new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
}

describe("the offer's other fields (texts, lists, schedule, flags)", () => {
  let emulator: RunningEmulator;
  let client: TestClient;

  beforeAll(async () => {
    ({ emulator, client } = await startTestEmulator());
  });
  afterAll(() => emulator.close());

  async function edit(id: number, form: Record<string, unknown> | string): Promise<Json> {
    const response = await client.post(`/3.0/admin/offer/${id}`, form);
    expect(response.json).toMatchObject({ status: 1 });
    return response.json.offer;
  }

  async function refused(form: Record<string, unknown>, message: string): Promise<void> {
    const offer = await createOffer(client);
    const response = await client.post(`/3.0/admin/offer/${offer.id}`, form);
    expect(response.status).toBe(400);
    expect(response.json.error).toContain(message);
    expect((await client.get(`/3.0/offer/${offer.id}`)).json.offer).toEqual(offer);
  }

  it("sets status and privacy on create, reading protected back as premoderated", async () => {
    const offer = await createOffer(client, { status: "active", privacy: "protected" });
    expect(offer).toMatchObject({ status: "active", privacy: "premoderated" });
  });

  it("returns description and KPI per language, with every tenant language present", async () => {
    const offer = await createOffer(client, {
      description_lang: { en: "Buy now" },
      kpi: { en: "CR 2%", ru: "КР" },
    });
    expect(offer.description_lang).toEqual({ ru: "", en: "Buy now", es: "", ka: "", vi: "" });
    expect(offer.kpi).toEqual({ ru: "КР", en: "CR 2%", es: "", ka: "", vi: "" });
  });

  it("replaces the per-language texts whole when they are sent", async () => {
    const offer = await createOffer(client, { description_lang: { en: "English", ru: "Русский" } });
    const edited = await edit(offer.id, { description_lang: { en: "Only English" } });
    expect(edited.description_lang).toMatchObject({ en: "Only English", ru: "" });
  });

  it("reads notes back as null until they are set", async () => {
    const offer = await createOffer(client);
    expect(offer.notes).toBeNull();
    expect((await edit(offer.id, { notes: "Internal only" })).notes).toBe("Internal only");
  });

  it("keeps tags as a list and clears them with tags=", async () => {
    const offer = await createOffer(client, { tags: ["summer", "vip"] });
    expect(offer.tags).toEqual(["summer", "vip"]);
    expect((await edit(offer.id, "tags=")).tags).toEqual([]);
  });

  it("takes category ids and reads them back as titles and as full_categories", async () => {
    const offer = await createOffer(client, { categories: [FINANCE, GAMES] });
    expect(offer.full_categories).toEqual([
      { id: FINANCE, title: "Finance" },
      { id: GAMES, title: "Games" },
    ]);
    expect(offer.categories).toEqual(["Finance", "Games"]);
  });

  it("sets url_preview (also read as preview_url) and trafficback_url", async () => {
    const offer = await createOffer(client, {
      url_preview: "https://shop.example.com/",
      trafficback_url: "https://fallback.example.com/",
    });
    expect(offer).toMatchObject({
      url_preview: "https://shop.example.com/",
      preview_url: "https://shop.example.com/",
      trafficback_url: "https://fallback.example.com/",
    });
    expect((await edit(offer.id, { trafficback_url: "" })).trafficback_url).toBe("");
  });

  it("sets the hold period and its unit", async () => {
    const offer = await createOffer(client, { hold_period: "14", hold_type: "hours" });
    expect(offer).toMatchObject({ hold_period: 14, hold_type: "hours" });
  });

  it("reads start_at as a timestamp and stopDate back as stop_at", async () => {
    const start = futureDate(3);
    const stop = futureDate(30);
    const offer = await createOffer(client, { start_at: start, stopDate: stop });
    expect(offer).toMatchObject({ start_at: `${start} 00:00:00`, stop_at: `${stop} 00:00:00` });
    const edited = await edit(offer.id, { start_at: `${start} 12:30:00`, stopDate: "" });
    expect(edited).toMatchObject({ start_at: `${start} 12:30:00`, stop_at: null });
  });

  it("reads is_top back as the integer 0/1 and is_cpi as a boolean", async () => {
    const offer = await createOffer(client, { is_top: "1", is_cpi: "1" });
    expect(offer.is_top).toBe(1);
    expect(offer.is_cpi).toBe(true);
    const edited = await edit(offer.id, { is_top: "0", is_cpi: "0" });
    expect(edited.is_top).toBe(0);
    expect(edited.is_cpi).toBe(false);
  });

  it("keeps every one of these fields when an edit leaves them out", async () => {
    const offer = await createOffer(client, {
      status: "active",
      privacy: "private",
      description_lang: { en: "d" },
      kpi: { en: "k" },
      notes: "n",
      tags: ["t"],
      categories: [GAMES],
      url_preview: "https://p.example.com/",
      trafficback_url: "https://t.example.com/",
      hold_period: "5",
      hold_type: "days",
      stopDate: futureDate(10),
      is_top: "1",
      is_cpi: "1",
    });
    const edited = await edit(offer.id, { title: "Renamed" });
    expect({ ...edited, title: offer.title, updated_at: offer.updated_at }).toEqual(offer);
  });

  it.each([
    ["a hold period above 60", { hold_period: "61" }, "hold_period: must be at most 60"],
    ["an unknown hold type", { hold_type: "weeks" }, "hold_type: must be one of days, hours"],
    ["a start in the past", { start_at: "2020-01-01" }, "start_at: must be today or later"],
    ["a start that is not a date", { start_at: "tomorrow" }, "start_at: must be YYYY-MM-DD"],
    ["an impossible stop date", { stopDate: "2030-02-30" }, "stopDate: must be YYYY-MM-DD"],
    [
      "an unknown category",
      { categories: ["000000000000000000000000"] },
      "categories[0]: unknown category",
    ],
    ["is_top other than 0/1", { is_top: "true" }, "is_top: must be 0 or 1"],
    [
      "a trafficback URL that is not a URL",
      { trafficback_url: "nowhere" },
      "trafficback_url: must be an http(s) URL",
    ],
    [
      "a language code that is not two letters",
      { kpi: { english: "x" } },
      "kpi[english]: is not a two-letter language code",
    ],
  ])("refuses %s and changes nothing", async (_name, form, message) => {
    await refused(form, message);
  });
});
