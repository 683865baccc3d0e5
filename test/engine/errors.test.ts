/** What a user reads when Affise says no: the offer's name, Affise's message and status — never the key. */
import { declareOffers } from "../../harness/declare-offers";
import { sampleOffer } from "../../harness/fixtures";
import { Engine } from "../../harness/engine";
import { SENTINEL_API_KEY, type Stack, startHost, startStack } from "../../harness/stack";

const KEY = SENTINEL_API_KEY;
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

it("passes on Affise's rejection with the offer's name and HTTP status", async () => {
  const declared = await declareOffers([
    {
      name: "unknown-city",
      args: {
        ...sampleOffer(1),
        payments: [
          {
            countries: ["DE"],
            cities: [999999],
            total: 1,
            revenue: 1,
            currency: "EUR",
            type: "fixed",
          },
        ],
      },
    },
  ]);
  const [step] = await stack.engine.up(declared);
  expect(step.kind).toBe("failed");
  expect(step.error).toMatch(
    /^affise\.Offer "unknown-city": create failed: POST \/3\.0\/admin\/offer failed: HTTP 4\d\d: .*unknown city id 999999/i,
  );
  expect(step.error).not.toContain(KEY);
  expect(stack.host.stderr).not.toContain(KEY);
});

it("reports a wrong key as Affise's 401 without echoing either key", async () => {
  const host = await startHost();
  try {
    await host.configure({
      "affise:apiUrl": stack.emulator.url,
      "affise:apiKey": "wrong-key-4d2c1b0a99",
    });
    const [step] = await new Engine(host).up(
      await declareOffers([{ name: "o", args: sampleOffer(1) }]),
    );
    expect(step.error).toMatch(/HTTP 401: Token is necessary/);
    expect(step.error).not.toMatch(/wrong-key-4d2c1b0a99|sentinel-affise-key/);
    expect(host.stderr).not.toContain("wrong-key-4d2c1b0a99");
  } finally {
    await host.stop();
  }
});

it("says which setting is missing when the stack has no Affise config", async () => {
  const host = await startHost();
  try {
    await host.configure({});
    const [step] = await new Engine(host).up(
      await declareOffers([{ name: "o", args: sampleOffer(1) }]),
    );
    expect(step.error).toMatch(
      /affise\.Offer "o": create failed: The Affise API URL is not set\. Run `pulumi config set affise:apiUrl/,
    );
  } finally {
    await host.stop();
  }
});
