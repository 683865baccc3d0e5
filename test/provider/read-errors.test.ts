/**
 * What a user sees when a read goes wrong: one sentence naming the offer, the field and the shape
 * Affise sent, never a schema dump; and a clear word when the key is not an admin key.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { offerProvider } from "../../provider/lifecycle/offer-provider";
import type { OfferState } from "../../provider/types";

let server: Server;
let url = "";
let reply: { status: number; body: unknown } = { status: 200, body: {} };
beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(reply.status, { "Content-Type": "application/json" });
    response.end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const KEY = "read-errors-key-5c1e";
const stored = () => ({
  resourceName: "summer-sale",
  apiUrl: url,
  apiKey: KEY,
  title: "Summer",
  advertiser: "5bc9d7c16d73e41c008b4567",
  url: "https://t.test/",
  payments: [{ total: 2, revenue: 1, currency: "USD", type: "fixed" }],
});
const offer = (payments: unknown[], over: object = {}) => ({
  id: 12,
  offer_id: "5f05f2f5134ed05c008b4569",
  advertiser: "5bc9d7c16d73e41c008b4567",
  title: "Summer",
  url: "https://t.test/",
  payments,
  ...over,
});
const readError = async () =>
  (
    (await offerProvider
      .read("12", stored() as Partial<OfferState>)
      .catch((e: unknown) => e)) as Error
  ).message;

it("names the offer, the field and the shape seen, in one line without a dump", async () => {
  reply = {
    status: 200,
    body: {
      status: 1,
      offer: offer([{ total: { value: 2 }, revenue: 1, currency: "usd", type: "fixed" }]),
    },
  };
  const message = await readError();
  expect(message).toBe(
    'affise.Offer "summer-sale": read failed: Affise sent payments[0].total as an object, where a number was expected',
  );
});

it("says the key is not an admin key when Affise answers with the affiliate view", async () => {
  const { advertiser: _a, ...partnerView } = offer([
    { goal: "fd", revenue: 1, currency: "USD", type: "fixed" },
  ]);
  reply = { status: 200, body: { status: 1, offer: partnerView } };
  const message = await readError();
  expect(message).toMatch(
    /^affise\.Offer "summer-sale": read failed: .*this key is not an admin key/,
  );
  expect(message).not.toContain(KEY);
  expect(message).not.toMatch(/\n|\{/);
});

it("says so too when Affise refuses the key with 403 Auth Denied", async () => {
  reply = { status: 403, body: { status: 2, message: "Auth Denied" } };
  const message = await readError();
  expect(message).toMatch(/HTTP 403: Auth Denied \(this key is not an admin key/);
});
