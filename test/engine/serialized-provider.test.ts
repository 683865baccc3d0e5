/**
 * What every offer's state carries as `__provider`: a small loader, the same for every offer, with
 * no settings and no secrets in it, that runs the installed package's provider.
 */
import { declareOffers } from "../../harness/declare-offers";
import { helpCentreOffer, kitchenSinkOffer } from "../../harness/fixtures";

const STACK_KEY = "sentinel-stack-key-6a1f0b7c";

let providers: string[];
beforeAll(async () => {
  // A real program has the stack's config, key included, in its environment while it runs.
  process.env.PULUMI_CONFIG = JSON.stringify({
    "affise:apiKey": STACK_KEY,
    "affise:apiUrl": "https://api-x.affise.com",
  });
  process.env.PULUMI_CONFIG_SECRET_KEYS = JSON.stringify(["affise:apiKey"]);
  const registrations = await declareOffers([
    { name: "help-centre", args: helpCentreOffer },
    {
      name: "kitchen-sink",
      args: {
        ...kitchenSinkOffer(),
        apiUrl: "https://api-y.affise.com",
        apiKey: "offer-key-93c2e1",
      },
    },
  ]);
  providers = registrations.map((r) => String(r.inputs.__provider));
});
afterAll(() => {
  delete process.env.PULUMI_CONFIG;
  delete process.env.PULUMI_CONFIG_SECRET_KEYS;
});

it("is at most 2,560 bytes per resource", () => {
  for (const text of providers) expect(Buffer.byteLength(text)).toBeLessThanOrEqual(2560);
});

it("is the same text for every offer, whatever its inputs", () => {
  expect(new Set(providers).size).toBe(1);
});

it("holds no key, no config and no settings", () => {
  for (const text of providers) {
    expect(text).not.toContain(STACK_KEY);
    expect(text).not.toContain("offer-key-93c2e1");
    expect(text).not.toMatch(/affise\.com|PULUMI_CONFIG|axios\.create/);
  }
});

it("loads the installed pulumi-affise instead of carrying the provider's code", () => {
  expect(providers[0]).toContain('require.resolve("pulumi-affise"');
  expect(providers[0]).not.toMatch(/encodeOfferForm|normalizeOffer|external_offer_id/);
});
