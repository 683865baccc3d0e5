import type { RunningEmulator } from "../../emulator";
import {
  API_KEY,
  HELP_CENTRE_CREATE,
  startTestEmulator,
  type Json,
  type TestClient,
} from "./helpers";

describe("the request log", () => {
  let emulator: RunningEmulator;
  let client: TestClient;

  beforeEach(async () => {
    ({ emulator, client } = await startTestEmulator());
  });
  afterEach(() => emulator.close());

  it("records method, path, decoded query and body, status and arrival time", async () => {
    await client.post("/3.0/admin/offer?status=active", HELP_CENTRE_CREATE);
    await client.get("/3.0/offers", { status: ["active"], limit: 5 });
    const [create, list] = emulator.requests();
    expect(create).toMatchObject({
      method: "POST",
      path: "/3.0/admin/offer",
      status: 200,
      query: { status: "active" },
    });
    expect(create.body).toMatchObject({
      title: "Help centre offer",
      payments: [{ countries: ["RU", "US"], currency: "USD" }],
    });
    expect((create.body.partner_payments as unknown[])[1]).toMatchObject({ partners: ["2"] });
    expect(new Date(create.at).toISOString()).toBe(create.at);
    expect(list).toMatchObject({
      method: "GET",
      path: "/3.0/offers",
      query: { status: ["active"], limit: "5" },
      body: {},
    });
  });

  it("records refused and failed requests with their status", async () => {
    await fetch(`${emulator.url}/3.0/offers`);
    await client.post("/3.0/admin/offer", { title: "no payments" });
    emulator.setFaults({ failNext: { count: 1, status: 502 } });
    await client.get("/3.1/devices");
    await client.get("/3.0/unknown");
    expect(emulator.requests().map((r) => [r.path, r.status])).toEqual([
      ["/3.0/offers", 401],
      ["/3.0/admin/offer", 400],
      ["/3.1/devices", 502],
      ["/3.0/unknown", 404],
    ]);
  });

  it("keeps the API key out of the log", async () => {
    await fetch(`${emulator.url}/3.1/devices?api-key=${API_KEY}`);
    await fetch(`${emulator.url}/3.1/devices?API-Key=${API_KEY}`);
    expect(JSON.stringify(emulator.requests())).not.toContain(API_KEY);
    expect(emulator.requests()[0].query).toEqual({});
  });

  it("leaves out the emulator's own admin requests", async () => {
    await fetch(`${emulator.url}/__emulator/health`);
    await fetch(`${emulator.url}/__emulator/requests`);
    expect(emulator.requests()).toEqual([]);
  });

  it("lists requests in arrival order even when they finish out of order", async () => {
    emulator.setFaults({ latencyMs: 100 });
    const slow = client.get("/3.1/countries");
    await new Promise((resolve) => setTimeout(resolve, 20));
    emulator.setFaults({ latencyMs: 0 });
    await client.get("/3.1/devices");
    await slow;
    expect(emulator.requests().map((request) => request.path)).toEqual([
      "/3.1/countries",
      "/3.1/devices",
    ]);
  });

  it("is served and cleared over HTTP at /__emulator/requests", async () => {
    await client.get("/3.1/devices");
    const listed: Json = await (await fetch(`${emulator.url}/__emulator/requests`)).json();
    expect(listed).toEqual({ requests: emulator.requests() });
    expect(listed.requests).toHaveLength(1);
    const cleared = await fetch(`${emulator.url}/__emulator/requests`, { method: "DELETE" });
    expect(cleared.status).toBe(200);
    expect(emulator.requests()).toEqual([]);
  });

  it("is cleared programmatically", async () => {
    await client.get("/3.1/devices");
    emulator.clearRequests();
    expect(emulator.requests()).toEqual([]);
  });

  it("serves stored offers at /__emulator/offers, as offers() returns them", async () => {
    await client.post("/3.0/admin/offer", HELP_CENTRE_CREATE);
    const listed: Json = await (await fetch(`${emulator.url}/__emulator/offers`)).json();
    expect(listed).toEqual({ offers: emulator.offers() });
    expect(listed.offers).toHaveLength(1);
  });
});
