/** AffiseClient against the emulator over HTTP: retries, Retry-After, and what an error carries. */
import { startEmulator, type RunningEmulator } from "../../emulator";
import { AffiseClient } from "../../provider/affise/client";
import { AffiseError } from "../../provider/affise/errors";
import type { AffiseConnection } from "../../provider/affise/connection";

const KEY = "client-test-key-0b4d";
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ apiKey: KEY });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.resetFaults();
  emulator.clearRequests();
});

let tenant = 0;
/** A fresh throttle per test: throttles are shared per API URL and settings within a process. */
function client(over: Partial<AffiseConnection> = {}): AffiseClient {
  tenant += 1;
  return new AffiseClient({
    apiUrl: emulator.url,
    apiKey: KEY,
    timeoutMs: 2000,
    maxRetries: 3,
    maxRequestsPerSecond: 100 + tenant,
    maxConcurrency: 4,
    maxWaitSeconds: 30,
    unreachableAfterMs: 8000,
    createSettleSeconds: 120,
    ...over,
  });
}

it("waits as long as Affise's Retry-After says before retrying a 429", async () => {
  emulator.setFaults({ rateLimit: { requestsPerSecond: 1, burst: 1, retryAfterHeader: true } });
  const affise = client();
  await affise.findOffersByExternalId("x");
  await affise.findOffersByExternalId("x");
  const [first, limited, retried] = emulator.requests();
  expect([first.status, limited.status, retried.status]).toEqual([200, 429, 200]);
  expect(Date.parse(retried.at) - Date.parse(limited.at)).toBeGreaterThanOrEqual(900);
});

it("retries reads through 5xx, and gives up after maxRetries with Affise's status", async () => {
  emulator.setFaults({ failNext: { count: 2, status: 502 } });
  await expect(client().findOffersByExternalId("x")).resolves.toEqual([]);
  emulator.setFaults({ failNext: { count: 10, status: 500 } });
  const error = await client({ maxRetries: 2 })
    .findOffersByExternalId("x")
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AffiseError);
  expect(error).toMatchObject({ status: 500, mayHaveCommitted: true });
  expect(emulator.requests().filter((r) => r.status === 500)).toHaveLength(3);
});

it("sends a create once when it may have landed: the caller decides, by looking it up", async () => {
  emulator.setFaults({ failNext: { count: 1, status: 500 } });
  const error = await client()
    .createOffer("title=x")
    .catch((e: unknown) => e);
  expect(error).toMatchObject({ status: 500, mayHaveCommitted: true, isFinal: false });
  expect(emulator.requests().filter((r) => r.path === "/3.0/admin/offer")).toHaveLength(1);
});

it("retries a create that certainly did not land (429)", async () => {
  emulator.setFaults({ failNext: { count: 1, status: 429 } });
  const error = await client()
    .createOffer("title=x")
    .catch((e: unknown) => e);
  // The retry reached Affise and was judged on its merits: a 400 for the incomplete form.
  expect(error).toMatchObject({ status: 400, isFinal: true });
  expect(emulator.requests().map((r) => r.status)).toEqual([429, 400]);
});

it("reports a refusal with Affise's message and never the key", async () => {
  const error = (await client({ apiKey: "wrong-key-e7f3" })
    .getOffer("1")
    .catch((e: unknown) => e)) as AffiseError;
  expect(error.message).toBe("GET /3.0/offer/1 failed: HTTP 401: Token is necessary");
  expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain(
    "wrong-key-e7f3",
  );
});

it("reads only Affise's own not-found envelope as gone; its Page Not Found (a wrong base path) fails, naming the URL", async () => {
  const created = await client().createOffer(
    "title=x&advertiser=5e39279bac611cda7e5765ab&url=https://a.test/&payments[0][total]=1&payments[0][currency]=USD&payments[0][type]=fixed",
  );
  await expect(client().getOffer("999999")).resolves.toBeUndefined();
  const wrongBase = client({ apiUrl: `${emulator.url}/api` });
  await expect(wrongBase.getOffer(created.id)).rejects.toThrow(
    `${emulator.url}/api/3.0/offer/${created.id}`,
  );
  await expect(wrongBase.deleteOffer(created.id)).rejects.toThrow("not Affise's not-found");
  expect(emulator.offers().map((o) => String(o.id))).toContain(created.id);
});
