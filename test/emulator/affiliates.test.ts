import type { RunningEmulator } from "../../emulator";
import { createOffer, startTestEmulator, type TestClient } from "./helpers";

describe("affiliate access to an offer", () => {
  let emulator: RunningEmulator;
  let client: TestClient;

  beforeEach(async () => {
    ({ emulator, client } = await startTestEmulator());
  });
  afterEach(() => emulator.close());

  const privacy = async (id: number) => (await client.get(`/3.1/offers/${id}/privacy`)).json;

  it("starts with no enabled or disabled affiliates and reports the privacy level", async () => {
    const offer = await createOffer(client, { privacy: "private" });
    expect(await privacy(offer.id)).toEqual({
      affiliates_disabled: [],
      affiliates_enabled: [],
      privacy_level: "private",
    });
  });

  it("enables affiliates one request at a time, for one offer or several", async () => {
    const a = await createOffer(client, { privacy: "private" });
    const b = await createOffer(client, { privacy: "protected" });
    const one = await client.post("/3.0/offer/enable-affiliate", {
      offer_id: String(a.id),
      pid: "9",
    });
    expect(one.json).toEqual({ status: 1, message: `Request for offer ${a.id} is successfully` });
    await client.post("/3.0/offer/enable-affiliate", {
      offer_id: [a.id, b.id],
      pid: "12",
      notice: "0",
    });
    expect((await privacy(a.id)).affiliates_enabled).toEqual([9, 12]);
    expect(await privacy(b.id)).toEqual({
      affiliates_disabled: [],
      affiliates_enabled: [12],
      privacy_level: "premoderated",
    });
  });

  it("moves an affiliate from enabled to disabled with disable-affiliate", async () => {
    const offer = await createOffer(client, { privacy: "private" });
    await client.post("/3.0/offer/enable-affiliate", { offer_id: [offer.id], pid: "9" });
    await client.post("/3.0/offer/enable-affiliate", { offer_id: [offer.id], pid: "10" });
    await client.post("/3.0/offer/disable-affiliate", { offer_id: [offer.id], pid: "9" });
    expect(await privacy(offer.id)).toMatchObject({
      affiliates_enabled: [10],
      affiliates_disabled: [9],
    });
  });

  it("enabling the same affiliate twice lists it once", async () => {
    const offer = await createOffer(client, { privacy: "private" });
    await client.post("/3.0/offer/enable-affiliate", { offer_id: [offer.id], pid: "9" });
    await client.post("/3.0/offer/enable-affiliate", { offer_id: [offer.id], pid: "9" });
    expect((await privacy(offer.id)).affiliates_enabled).toEqual([9]);
  });

  it("answers 404 for an unknown offer, changing nothing", async () => {
    const offer = await createOffer(client, { privacy: "private" });
    const response = await client.post("/3.0/offer/enable-affiliate", {
      offer_id: [offer.id, 999],
      pid: "9",
    });
    expect(response.status).toBe(404);
    expect((await privacy(offer.id)).affiliates_enabled).toEqual([]);
    expect((await client.get("/3.1/offers/999/privacy")).status).toBe(404);
  });

  it("requires pid as an integer", async () => {
    const offer = await createOffer(client);
    const missing = await client.post("/3.0/offer/enable-affiliate", { offer_id: [offer.id] });
    expect(missing.status).toBe(400);
    expect(missing.json.error).toContain("pid: is required");
    const bad = await client.post("/3.0/offer/disable-affiliate", {
      offer_id: [offer.id],
      pid: "x",
    });
    expect(bad.json.error).toContain("pid: must be an integer");
  });

  it("survives in the stored offer across other edits", async () => {
    const offer = await createOffer(client, { privacy: "private" });
    await client.post("/3.0/offer/enable-affiliate", { offer_id: [offer.id], pid: "9" });
    await client.post(`/3.0/admin/offer/${offer.id}`, { title: "Edited" });
    expect((await privacy(offer.id)).affiliates_enabled).toEqual([9]);
  });
});
