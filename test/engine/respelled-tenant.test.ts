/**
 * The account an offer lives in, spelled another way. Spellings of one URL (case, trailing slash,
 * default port) are the same account: nothing changes. A different host name for it (localhost
 * for 127.0.0.1) is proven the same by asking it for the offer: the same offer_id answers, so only
 * the spelling is updated — no replace, so nothing is created and nothing deleted.
 */
import { startEmulator, type RunningEmulator } from "../../emulator";
import { declareOffers } from "../../harness/declare-offers";
import { sampleOffer } from "../../harness/fixtures";
import { type Stack, startStack } from "../../harness/stack";
import type { OfferArgs } from "../../provider";

// The offer names its account itself (apiUrl and apiKey), as an offer in a second account does.
const ACCOUNT_KEY = "respelled-account-key-8c2e41";
let stack: Stack;
let account: RunningEmulator;
beforeAll(async () => {
  stack = await startStack();
  account = await startEmulator({ apiKey: ACCOUNT_KEY });
});
afterAll(async () => {
  await stack.stop();
  await account.close();
});

const onUrl = (apiUrl: string): OfferArgs => ({ ...sampleOffer(3), apiUrl, apiKey: ACCOUNT_KEY });
const deletes = () => account.requests().filter((r) => r.path === "/3.0/admin/offer/delete");

it("another spelling of the same URL is the same account: an empty plan, no request", async () => {
  await stack.engine.up(await declareOffers([{ name: "spelled", args: onUrl(account.url) }]));
  const id = stack.engine.state.get("spelled")!.id;
  const port = account.port;
  for (const spelling of [`HTTP://127.0.0.1:${port}/`, `http://127.0.0.1:${port}//`]) {
    account.clearRequests();
    const steps = await stack.engine.up(
      await declareOffers([{ name: "spelled", args: onUrl(spelling) }]),
    );
    expect({ spelling, kind: steps[0].kind }).toEqual({ spelling, kind: "same" });
    expect(account.requests()).toEqual([]);
    expect(stack.engine.state.get("spelled")!.id).toBe(id);
  }
});

it("localhost for 127.0.0.1, answering with this very offer, is the same account: an update, nothing created or deleted", async () => {
  const id = stack.engine.state.get("spelled")!.id;
  const declared = await declareOffers([
    { name: "spelled", args: onUrl(`http://localhost:${account.port}`) },
  ]);
  const [preview] = await stack.engine.preview(declared);
  expect(preview).toMatchObject({
    kind: "update",
    diff: expect.objectContaining({ replaces: [] }),
  });
  account.clearRequests();
  const [step] = await stack.engine.up(declared);
  expect(step.kind).toBe("update");
  expect(account.requests().filter((r) => r.method !== "GET")).toEqual([]);
  expect(deletes()).toEqual([]);
  expect(stack.engine.state.get("spelled")!.id).toBe(id);
  expect(stack.engine.state.get("spelled")!.outputs.tenantUrl).toBe(
    `http://localhost:${account.port}`,
  );
  expect(account.offers().filter((o) => String(o.id) === id)).toHaveLength(1);
  expect(await stack.engine.refresh()).toEqual({ drifted: [], gone: [] });
  account.clearRequests();
  expect((await stack.engine.preview(declared))[0].kind).toBe("same");
  expect(account.requests()).toEqual([]);
});
