import type { RunningEmulator } from "../../emulator";
import { createOffer, startTestEmulator, type TestClient } from "./helpers";

describe("bulk endpoints", () => {
  let emulator: RunningEmulator;
  let client: TestClient;

  beforeEach(async () => {
    ({ emulator, client } = await startTestEmulator());
  });
  afterEach(() => emulator.close());

  describe("POST /3.0/admin/offer/delete", () => {
    it("deletes the offers named by offer_id[] (integer ids)", async () => {
      const a = await createOffer(client);
      const b = await createOffer(client);
      const c = await createOffer(client);
      const response = await client.post("/3.0/admin/offer/delete", { offer_id: [a.id, c.id] });
      expect(response.status).toBe(200);
      expect(response.json).toEqual({
        status: 1,
        message: `Offer ${a.id}, ${c.id} is removed successfully.`,
      });
      expect(emulator.offers().map((offer) => offer.id)).toEqual([b.id]);
    });

    it("words the message for one offer as Affise documents it", async () => {
      const a = await createOffer(client);
      const response = await client.post("/3.0/admin/offer/delete", `offer_id[0]=${a.id}`);
      expect(response.json).toEqual({
        status: 1,
        message: `Offer ${a.id} is removed successfully.`,
      });
    });

    it("makes a deleted offer answer 404 on GET and on edit, and drops it from lists", async () => {
      const a = await createOffer(client, { status: "active" });
      await client.post("/3.0/admin/offer/delete", { offer_id: [a.id] });
      const read = await client.get(`/3.0/offer/${a.id}`);
      expect(read.status).toBe(404);
      expect(read.json).toEqual({ status: 2, message: "Resource Not Found" });
      expect((await client.post(`/3.0/admin/offer/${a.id}`, { title: "x" })).status).toBe(404);
      const list = await client.get("/3.0/offers", { status: ["active", "stopped", "suspended"] });
      expect(list.json.offers).toEqual([]);
    });

    it("refuses the whole request with 404 when any id is unknown, deleting nothing", async () => {
      const a = await createOffer(client);
      const response = await client.post("/3.0/admin/offer/delete", { offer_id: [a.id, 999999] });
      expect(response.status).toBe(404);
      expect(response.json).toEqual({ status: 2, message: "Resource Not Found" });
      expect(emulator.offers()).toHaveLength(1);
    });

    it("answers 404 when deleting an offer that is already gone", async () => {
      const a = await createOffer(client);
      await client.post("/3.0/admin/offer/delete", { offer_id: [a.id] });
      const again = await client.post("/3.0/admin/offer/delete", { offer_id: [a.id] });
      expect(again.status).toBe(404);
    });

    it("never reuses the id of a deleted offer", async () => {
      const a = await createOffer(client);
      await client.post("/3.0/admin/offer/delete", { offer_id: [a.id] });
      const b = await createOffer(client);
      expect(b.id).toBeGreaterThan(a.id);
    });

    it("requires offer_id[] with integer ids", async () => {
      expect((await client.post("/3.0/admin/offer/delete", {})).json.error).toContain(
        "offer_id: is required",
      );
      const bad = await client.post("/3.0/admin/offer/delete", { offer_id: ["abc"] });
      expect(bad.status).toBe(400);
      expect(bad.json.error).toContain("offer_id[0]: must be an integer");
    });
  });

  describe("POST /3.0/admin/offer/mass-update", () => {
    it("sets status on every offer named", async () => {
      const a = await createOffer(client);
      const b = await createOffer(client);
      const response = await client.post("/3.0/admin/offer/mass-update", {
        offer_id: [a.id, b.id],
        status: "active",
      });
      expect(response.json).toEqual({ status: 1, message: "status updated" });
      expect(emulator.offers().map((offer) => offer.status)).toEqual(["active", "active"]);
    });

    it("sets privacy, reading protected back as premoderated", async () => {
      const a = await createOffer(client);
      await client.post("/3.0/admin/offer/mass-update", { offer_id: [a.id], privacy: "protected" });
      const read = await client.get(`/3.0/offer/${a.id}`);
      expect(read.json.offer).toMatchObject({
        privacy: "premoderated",
        status: "stopped",
        required_approval: true,
      });
    });

    it("accepts multipart/form-data, as the spec declares", async () => {
      const a = await createOffer(client);
      const form = new FormData();
      form.append("offer_id[0]", String(a.id));
      form.append("status", "suspended");
      const response = await client.send("/3.0/admin/offer/mass-update", {
        method: "POST",
        body: form,
      });
      expect(response.status).toBe(200);
      expect(emulator.offers()[0].status).toBe("suspended");
    });

    it("refuses an unknown status and changes nothing", async () => {
      const a = await createOffer(client);
      const response = await client.post("/3.0/admin/offer/mass-update", {
        offer_id: [a.id],
        status: "paused",
      });
      expect(response.status).toBe(400);
      expect(response.json.error).toContain("status: must be one of active, stopped, suspended");
      expect(emulator.offers()[0].status).toBe("stopped");
    });

    it("requires status or privacy", async () => {
      const a = await createOffer(client);
      const response = await client.post("/3.0/admin/offer/mass-update", { offer_id: [a.id] });
      expect(response.status).toBe(400);
      expect(response.json.error).toContain("status or privacy is required");
    });

    it("answers 404 when an id is unknown, changing nothing", async () => {
      const a = await createOffer(client);
      const response = await client.post("/3.0/admin/offer/mass-update", {
        offer_id: [a.id, 424242],
        status: "active",
      });
      expect(response.status).toBe(404);
      expect(emulator.offers()[0].status).toBe("stopped");
    });
  });
});
