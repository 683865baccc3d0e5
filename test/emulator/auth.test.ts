import type { RunningEmulator } from "../../emulator";
import { API_KEY, startTestEmulator, TestClient } from "./helpers";

describe("authentication", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    ({ emulator } = await startTestEmulator());
  });
  afterAll(() => emulator.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${emulator.url}${path}`, { headers });

  it.each(["API-Key", "api-key", "Api-Key", "API-KEY"])(
    "accepts the key in the %s header",
    async (name) => {
      const response = await get("/3.1/devices", { [name]: API_KEY });
      expect(response.status).toBe(200);
    },
  );

  it.each(["api-key", "API-Key"])("accepts the key as the %s query parameter", async (name) => {
    const response = await get(`/3.1/devices?${name}=${API_KEY}`);
    expect(response.status).toBe(200);
  });

  it("answers 401 'Token is necessary' when the key is missing", async () => {
    const response = await get("/3.0/offers");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ status: 2, message: "Token is necessary" });
  });

  it("answers 401 when the key is wrong, in the header or the query", async () => {
    expect((await get("/3.0/offers", { "API-Key": "wrong" })).status).toBe(401);
    expect((await get("/3.0/offers?api-key=wrong")).status).toBe(401);
  });

  it("does not read the key from other spellings of the query parameter", async () => {
    expect((await get(`/3.0/offers?apikey=${API_KEY}`)).status).toBe(401);
    expect((await get(`/3.0/offers?API_KEY=${API_KEY}`)).status).toBe(401);
  });

  it("does not read the key from a form body", async () => {
    const response = await fetch(`${emulator.url}/3.0/admin/offer`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `api-key=${API_KEY}&title=x`,
    });
    expect(response.status).toBe(401);
  });

  it("stores nothing when an unauthenticated create is refused", async () => {
    const anonymous = new TestClient(emulator.url, "not-the-key");
    const response = await anonymous.post("/3.0/admin/offer", "title=x");
    expect(response.status).toBe(401);
    expect(emulator.offers()).toEqual([]);
  });

  it("answers an unknown path with 404 Page Not Found, key or not", async () => {
    const variants: Array<Record<string, string>> = [{}, { "API-Key": API_KEY }];
    for (const headers of variants) {
      const response = await get("/3.0/no-such-thing", headers);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ status: 2, error: "Page Not Found" });
    }
  });

  it("needs no key for the emulator's own admin endpoints", async () => {
    const response = await get("/__emulator/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});
