/**
 * A key that is not an admin's (an affiliate's key: Affise answers it with the affiliate view,
 * and refuses admin requests with 403 Auth Denied) is named as such at the first call, through
 * Pulumi's provider host — never a schema dump, never the key.
 */
import { declareOffers } from "../../harness/declare-offers";
import { sampleOffer } from "../../harness/fixtures";
import { Engine } from "../../harness/engine";
import { type Stack, startHost, startStack } from "../../harness/stack";

const AFFILIATE_KEY = "affiliate-key-7e3a91c0d2";
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ emulator: { affiliateApiKeys: [AFFILIATE_KEY] } });
});
afterAll(() => stack.stop());

async function withAffiliateKey<T>(run: (engine: Engine) => Promise<T>): Promise<T> {
  const host = await startHost();
  try {
    await host.configure({ "affise:apiUrl": stack.emulator.url, "affise:apiKey": AFFILIATE_KEY });
    const engine = new Engine(host);
    for (const [name, resource] of stack.engine.state) engine.state.set(name, resource);
    return await run(engine);
  } finally {
    expect(host.stderr).not.toContain(AFFILIATE_KEY);
    await host.stop();
  }
}

it("stops an up at the first call with 'this key is not an admin key', creating nothing", async () => {
  const declared = await declareOffers([{ name: "o", args: sampleOffer(1) }]);
  const [step] = await withAffiliateKey((engine) => engine.up(declared));
  expect(step.kind).toBe("failed");
  expect(step.error).toMatch(
    /^affise\.Offer "o": .*403: Auth Denied \(this key is not an admin key/,
  );
  expect(step.error).not.toContain(AFFILIATE_KEY);
  expect(step.error).not.toMatch(/\n|\{/);
  expect(stack.emulator.offers()).toEqual([]);
});

it("fails a refresh with the same words when the key reads only the affiliate view", async () => {
  const declared = await declareOffers([{ name: "o", args: sampleOffer(1) }]);
  const [created] = await stack.engine.up(declared);
  expect(created.kind).toBe("create");
  const error = await withAffiliateKey((engine) => engine.refresh()).catch((e: Error) => e);
  expect(String(error)).toMatch(/affise\.Offer "o": read failed: .*this key is not an admin key/);
  expect(String(error)).not.toContain(AFFILIATE_KEY);
});
