import type { RunningEmulator } from "../../emulator";
import { API_KEY, createOffer, offerForm, startTestEmulator, type TestClient } from "./helpers";
import qs from "qs";

/** Polls until `ready`, so a test waits for an event rather than for a guessed duration. */
async function until(ready: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`not ready after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("fault injection", () => {
  let emulator: RunningEmulator;
  let client: TestClient;

  beforeEach(async () => {
    ({ emulator, client } = await startTestEmulator());
  });
  afterEach(() => emulator.close());

  describe("latency", () => {
    it("delays every API request by latencyMs", async () => {
      emulator.setFaults({ latencyMs: 150 });
      const started = performance.now();
      await client.get("/3.1/devices");
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    });

    it("still commits a create whose client gave up waiting", async () => {
      emulator.setFaults({ latencyMs: 5000 });
      const aborted = fetch(`${emulator.url}/3.0/admin/offer`, {
        method: "POST",
        headers: {
          "API-Key": "emulator-test-key",
          "content-type": "application/x-www-form-urlencoded",
        },
        body: qs.stringify(offerForm({ title: "Slow" })),
        signal: AbortSignal.timeout(1500),
      });
      // The client gives up long before the emulator answers; the emulator logs a request only
      // once it has answered, so the commit is awaited rather than timed.
      await expect(aborted).rejects.toThrow();
      await until(() => emulator.offers().length > 0);
      expect(emulator.offers().map((offer) => offer.title)).toEqual(["Slow"]);
    });

    it("does not delay the emulator's admin endpoints", async () => {
      emulator.setFaults({ latencyMs: 600_000 });
      // Delayed, this would wait ten minutes and fail on its 30-second signal.
      const health = await fetch(`${emulator.url}/__emulator/health`, {
        signal: AbortSignal.timeout(30_000),
      });
      expect(health.status).toBe(200);
    });
  });

  describe("slowCreates", () => {
    it("stores a slow create only after the delay, even when the client gave up before", async () => {
      emulator.setFaults({ slowCreates: { count: 1, delayMs: 8000 } });
      const before = emulator.offers().length;
      const controller = new AbortController();
      const aborted = fetch(`${emulator.url}/3.0/admin/offer`, {
        method: "POST",
        headers: { "API-Key": API_KEY, "Content-Type": "application/x-www-form-urlencoded" },
        body: qs.stringify(offerForm()),
        signal: controller.signal,
      });
      // The fault is spent the moment the emulator takes the create in.
      await until(() => emulator.faults().slowCreates.count === 0);
      controller.abort();
      await expect(aborted).rejects.toThrow();
      expect(emulator.offers()).toHaveLength(before);
      await until(() => emulator.offers().length === before + 1);
    });

    it("commits creates in the order received: one sent after a slow create is stored after it", async () => {
      emulator.setFaults({ slowCreates: { count: 1, delayMs: 1500 } });
      const answered: string[] = [];
      const post = (name: string) =>
        fetch(`${emulator.url}/3.0/admin/offer`, {
          method: "POST",
          headers: { "API-Key": API_KEY, "Content-Type": "application/x-www-form-urlencoded" },
          body: qs.stringify(offerForm()),
        })
          .then((r) => r.json() as Promise<{ offer: { id: number } }>)
          .then((body) => {
            answered.push(name);
            return body.offer.id;
          });
      const slow = post("slow");
      await until(() => emulator.faults().slowCreates.count === 0);
      const later = post("later");
      const [slowId, laterId] = await Promise.all([slow, later]);
      expect(answered).toEqual(["slow", "later"]);
      expect(laterId).toBe(slowId + 1);
    });
  });

  describe("intermittent", () => {
    it("fails about the given share of requests, cycling through the statuses", async () => {
      emulator.setFaults({ intermittent: { ratio: 0.25, statuses: [500, 502], seed: 7 } });
      const statuses: number[] = [];
      for (let i = 0; i < 200; i++) statuses.push((await client.get("/3.1/devices")).status);
      const failed = statuses.filter((s) => s !== 200);
      expect(failed.length).toBeGreaterThan(30);
      expect(failed.length).toBeLessThan(70);
      expect(failed.slice(0, 4)).toEqual([500, 502, 500, 502]);
      emulator.setFaults({ intermittent: null });
      expect((await client.get("/3.1/devices")).status).toBe(200);
    });

    it("repeats the same pattern for the same seed", async () => {
      const run = async () => {
        emulator.setFaults({ intermittent: { ratio: 0.5, statuses: [500], seed: 3 } });
        const statuses: number[] = [];
        for (let i = 0; i < 20; i++) statuses.push((await client.get("/3.1/devices")).status);
        return statuses;
      };
      expect(await run()).toEqual(await run());
    });

    it("refuses a ratio outside 0..1 or an unknown status, changing nothing", () => {
      emulator.setFaults({ intermittent: null });
      expect(() =>
        emulator.setFaults({ intermittent: { ratio: 2, statuses: [500], seed: 1 } }),
      ).toThrow(/ratio/);
      expect(() =>
        emulator.setFaults({ intermittent: { ratio: 0.5, statuses: [404 as 500], seed: 1 } }),
      ).toThrow(/statuses/);
      expect(emulator.faults().intermittent).toBeNull();
    });
  });

  describe("failNext", () => {
    it("fails the next N requests with 500 and Affise's server-error body, then recovers", async () => {
      emulator.setFaults({ failNext: { count: 2, status: 500 } });
      for (let i = 0; i < 2; i++) {
        const response = await client.get("/3.1/devices");
        expect(response.status).toBe(500);
        expect(response.json).toEqual({
          status: 2,
          message: "Server error, Please contact your administrator",
        });
      }
      expect((await client.get("/3.1/devices")).status).toBe(200);
      expect(emulator.faults().failNext.count).toBe(0);
    });

    it("fails with a 502 HTML page from the proxy, not JSON", async () => {
      emulator.setFaults({ failNext: { count: 1, status: 502 } });
      const response = await client.get("/3.1/devices");
      expect(response.status).toBe(502);
      expect(response.headers.get("content-type")).toContain("text/html");
      expect(response.json.raw).toContain("502 Bad Gateway");
    });

    it("fails with 429 Too Many Requests and no Retry-After", async () => {
      emulator.setFaults({ failNext: { count: 1, status: 429 } });
      const response = await client.get("/3.1/devices");
      expect(response.status).toBe(429);
      expect(response.json).toEqual({ status: 2, message: "Too Many Requests" });
      expect(response.headers.get("retry-after")).toBeNull();
    });

    it("fails a create before doing anything: nothing is stored", async () => {
      emulator.setFaults({ failNext: { count: 1, status: 500 } });
      const response = await client.post("/3.0/admin/offer", offerForm());
      expect(response.status).toBe(500);
      expect(emulator.offers()).toEqual([]);
    });
  });

  describe("rate limit", () => {
    it("answers 429 past the token bucket's burst, without Retry-After by default", async () => {
      emulator.setFaults({
        rateLimit: { requestsPerSecond: 0.2, burst: 3, retryAfterHeader: false },
      });
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await client.get("/3.1/devices")).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const limited = await client.get("/3.1/devices");
      expect(limited.json).toEqual({ status: 2, message: "Too Many Requests" });
      expect(limited.headers.get("retry-after")).toBeNull();
    });

    it("sends Retry-After in whole seconds when asked to", async () => {
      emulator.setFaults({
        rateLimit: { requestsPerSecond: 0.5, burst: 1, retryAfterHeader: true },
      });
      expect((await client.get("/3.1/devices")).status).toBe(200);
      const limited = await client.get("/3.1/devices");
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBe(2);
    });

    it("refills tokens over time", async () => {
      emulator.setFaults({
        rateLimit: { requestsPerSecond: 2, burst: 1, retryAfterHeader: false },
      });
      expect((await client.get("/3.1/devices")).status).toBe(200);
      expect((await client.get("/3.1/devices")).status).toBe(429);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect((await client.get("/3.1/devices")).status).toBe(200);
    });

    it("can be set at start-up", async () => {
      const limited = await startTestEmulator({ rateLimit: { requestsPerSecond: 1 } });
      try {
        expect(limited.emulator.faults().rateLimit).toEqual({
          requestsPerSecond: 1,
          burst: 1,
          retryAfterHeader: false,
        });
        expect((await limited.client.get("/3.1/devices")).status).toBe(200);
        expect((await limited.client.get("/3.1/devices")).status).toBe(429);
      } finally {
        await limited.emulator.close();
      }
    });
  });

  describe("dropAfterCommit", () => {
    it("stores the create, then hangs up without answering", async () => {
      emulator.setFaults({ dropAfterCommit: 1 });
      await expect(
        client.post("/3.0/admin/offer", offerForm({ external_offer_id: "dropped" })),
      ).rejects.toThrow();
      expect(emulator.offers().map((offer) => offer.external_offer_id)).toEqual(["dropped"]);
      const found = await client.get("/3.0/offers", {
        external_offer_id: "dropped",
        status: ["active", "stopped", "suspended"],
      });
      expect(found.json.offers).toHaveLength(1);
    });

    it("drops only the next N creates and logs them with status 0", async () => {
      emulator.setFaults({ dropAfterCommit: 1 });
      await expect(createOffer(client)).rejects.toThrow();
      await createOffer(client);
      expect(emulator.offers()).toHaveLength(2);
      expect(emulator.requests().map((request) => request.status)).toEqual([0, 200]);
    });

    it("does not count a refused create", async () => {
      emulator.setFaults({ dropAfterCommit: 1 });
      expect((await client.post("/3.0/admin/offer", { title: "incomplete" })).status).toBe(400);
      expect(emulator.faults().dropAfterCommit).toBe(1);
    });
  });

  describe("dropEditAfterCommit", () => {
    it("stores the next edit, then hangs up without answering; the edit after it is answered", async () => {
      await createOffer(client);
      const [created] = emulator.offers();
      emulator.setFaults({ dropEditAfterCommit: 1 });
      await expect(
        client.post(`/3.0/admin/offer/${created.id}`, { title: "Edited, unanswered" }),
      ).rejects.toThrow();
      expect(emulator.offers()[0].title).toBe("Edited, unanswered");
      const again = await client.post(`/3.0/admin/offer/${created.id}`, { title: "Answered" });
      expect(again.status).toBe(200);
      expect(emulator.requests().map((request) => request.status)).toEqual([200, 0, 200]);
    });
  });

  describe("control", () => {
    it("is read and changed through /__emulator/faults, which is itself never faulted", async () => {
      const post = await fetch(`${emulator.url}/__emulator/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ failNext: { count: 5, status: 502 } }),
      });
      expect(post.status).toBe(200);
      expect(await post.json()).toMatchObject({ failNext: { count: 5, status: 502 } });
      const get = await fetch(`${emulator.url}/__emulator/faults`);
      expect(await get.json()).toEqual(emulator.faults());
      expect((await client.get("/3.1/devices")).status).toBe(502);
    });

    it("refuses an invalid patch and keeps the settings", async () => {
      const post = await fetch(`${emulator.url}/__emulator/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ failNext: { count: 1, status: 418 } }),
      });
      expect(post.status).toBe(400);
      expect(emulator.faults().failNext.count).toBe(0);
      expect(() => emulator.setFaults({ latencyMs: -5 })).toThrow("latencyMs");
    });

    it("resets to the start-up settings, over HTTP or programmatically", async () => {
      emulator.setFaults({
        latencyMs: 10,
        dropAfterCommit: 3,
        failNext: { count: 2, status: 429 },
      });
      const reset = await fetch(`${emulator.url}/__emulator/faults/reset`, { method: "POST" });
      const expected = {
        latencyMs: 0,
        failNext: { count: 0, status: 500 },
        rateLimit: null,
        dropAfterCommit: 0,
        dropEditAfterCommit: 0,
        intermittent: null,
        slowCreates: { count: 0, delayMs: 0 },
        foreignNotFound: null,
      };
      expect(await reset.json()).toEqual(expected);
      emulator.setFaults({ latencyMs: 10 });
      emulator.resetFaults();
      expect(emulator.faults()).toEqual(expected);
    });
  });
});
