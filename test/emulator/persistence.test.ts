import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createOffer, HELP_CENTRE_CREATE, startTestEmulator } from "./helpers";

describe("persistence with dataFile", () => {
  let directory: string;
  let dataFile: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "affise-emulator-"));
    dataFile = join(directory, "offers.sqlite");
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it("sees every acknowledged write after a restart on the same file", async () => {
    const first = await startTestEmulator({ dataFile });
    const created = (await first.client.post("/3.0/admin/offer", HELP_CENTRE_CREATE)).json.offer;
    const edited = (await first.client.post(`/3.0/admin/offer/${created.id}`, { title: "Edited" }))
      .json.offer;
    const doomed = await createOffer(first.client);
    await first.client.post("/3.0/admin/offer/delete", { offer_id: [doomed.id] });
    await first.client.post("/3.0/admin/offer/mass-update", {
      offer_id: [created.id],
      status: "active",
    });
    const before = first.emulator.offers();
    await first.emulator.close();

    const second = await startTestEmulator({ dataFile });
    try {
      expect(second.emulator.offers()).toEqual(before);
      const read = await second.client.get(`/3.0/offer/${created.id}`);
      expect(read.json.offer).toMatchObject({
        title: "Edited",
        status: "active",
        payments: edited.payments,
      });
      expect((await second.client.get(`/3.0/offer/${doomed.id}`)).status).toBe(404);
    } finally {
      await second.emulator.close();
    }
  });

  it("continues the id sequence after a restart, never reusing a deleted offer's id", async () => {
    const first = await startTestEmulator({ dataFile });
    await createOffer(first.client);
    const last = await createOffer(first.client);
    await first.client.post("/3.0/admin/offer/delete", { offer_id: [last.id] });
    await first.emulator.close();

    const second = await startTestEmulator({ dataFile });
    try {
      const next = await createOffer(second.client);
      expect(next.id).toBe(last.id + 1);
    } finally {
      await second.emulator.close();
    }
  });

  it("keeps every field of a kitchen-sink offer, its affiliate access and the landing id sequence", async () => {
    const first = await startTestEmulator({ dataFile });
    const offer = await createOffer(first.client, {
      privacy: "private",
      description_lang: { en: "Description" },
      tags: ["a"],
      categories: ["5368afb23b7d9b4d5d505342"],
      caps: [{ period: "day", type: "clicks", value: "10" }],
      landings: [
        { title: "l", url: "https://l.example.com/", url_preview: "https://l.example.com/p" },
      ],
      targeting: [{ country: { allow: ["US"] }, device_type: ["mobile"] }],
      is_top: "1",
    });
    await first.client.post("/3.0/offer/enable-affiliate", { offer_id: [offer.id], pid: "42" });
    await first.emulator.close();

    const second = await startTestEmulator({ dataFile });
    try {
      expect((await second.client.get(`/3.0/offer/${offer.id}`)).json.offer).toEqual(offer);
      expect(
        (await second.client.get(`/3.1/offers/${offer.id}/privacy`)).json.affiliates_enabled,
      ).toEqual([42]);
      const next = await createOffer(second.client, {
        landings: [
          { title: "m", url: "https://m.example.com/", url_preview: "https://m.example.com/p" },
        ],
      });
      expect(next.landings[0].id).toBeGreaterThan(offer.landings[0].id);
    } finally {
      await second.emulator.close();
    }
  });

  it("keeps a create whose connection was dropped after the commit", async () => {
    const first = await startTestEmulator({ dataFile });
    first.emulator.setFaults({ dropAfterCommit: 1 });
    await expect(createOffer(first.client, { external_offer_id: "lost-answer" })).rejects.toThrow();
    await first.emulator.close();

    const second = await startTestEmulator({ dataFile });
    try {
      expect(second.emulator.offers().map((offer) => offer.external_offer_id)).toEqual([
        "lost-answer",
      ]);
    } finally {
      await second.emulator.close();
    }
  });

  it("starts empty on a new file, and in memory forgets everything on restart", async () => {
    const fresh = await startTestEmulator({ dataFile });
    expect(fresh.emulator.offers()).toEqual([]);
    await fresh.emulator.close();

    const memory = await startTestEmulator();
    await createOffer(memory.client);
    await memory.emulator.close();
    const again = await startTestEmulator();
    expect(again.emulator.offers()).toEqual([]);
    await again.emulator.close();
  });
});
