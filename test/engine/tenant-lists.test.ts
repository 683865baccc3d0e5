/**
 * Codes are checked against the tenant's own lists (enabled currencies, devices, OSes), fetched
 * once per provider process, and only for codes an offer did not already have: a preview with
 * nothing new costs no request. Goals are free text: `/3.0/goals` lists titles, never asked.
 */
import { declareOffers } from "../../harness/declare-offers";
import { sampleOffer } from "../../harness/fixtures";
import { type Stack, startStack } from "../../harness/stack";
import type { OfferArgs } from "../../provider";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

const LIST_PATHS = ["/3.0/admin/currency", "/3.1/devices", "/3.1/oses", "/3.0/admin/advertisers"];
const listRequests = () => stack.emulator.requests().filter((r) => LIST_PATHS.includes(r.path));
const withPayment = (change: object): OfferArgs => ({
  ...sampleOffer(1),
  payments: [
    { ...(sampleOffer(1).payments as object[])[0], ...change },
    (sampleOffer(1).payments as object[])[1],
  ] as OfferArgs["payments"],
});

it("rejects a currency the account has not enabled, listing the enabled ones, and sends nothing", async () => {
  stack.emulator.clearRequests();
  const [step] = await stack.engine.up(
    await declareOffers([{ name: "o", args: withPayment({ currency: "BYR" }) }]),
  );
  expect(step.kind).toBe("failed");
  expect(step.error).toMatch(
    /^payments\[0\]\.currency: BYR is not an enabled currency in this Affise account; it has: .*EUR.*USD/,
  );
  expect(
    stack.emulator.requests().every((r) => r.method === "GET" && LIST_PATHS.includes(r.path)),
  ).toBe(true);
  expect(stack.emulator.offers()).toEqual([]);
});

it("rejects an advertiser the account does not have, before Affise is asked to create anything", async () => {
  const [step] = await stack.engine.up(
    await declareOffers([
      { name: "o", args: { ...sampleOffer(1), advertiser: "0123456789abcdef01234567" } },
    ]),
  );
  expect(step.error).toBe(
    "advertiser: 0123456789abcdef01234567 is not an advertiser in this Affise account (see /3.0/admin/advertisers)",
  );
  expect(stack.emulator.requests().filter((r) => r.method !== "GET")).toEqual([]);
  expect(stack.emulator.offers()).toEqual([]);
});

it("rejects an OS name spelt differently from the account's list, and takes any goal value", async () => {
  const [step] = await stack.engine.up(
    await declareOffers([{ name: "o", args: withPayment({ os: ["android"], goal: "42" }) }]),
  );
  expect(step.error).toContain(
    "payments[0].os[0]: android is not an OS name in this Affise account; it has: Android",
  );
  expect(step.error).not.toMatch(/goal/);
});

it("fetched the lists once for this provider process, and never the goals' titles", () => {
  expect(listRequests()).toHaveLength(LIST_PATHS.length);
  expect(stack.emulator.requests().filter((r) => r.path === "/3.0/goals")).toEqual([]);
});

it("accepts known codes, and a preview with nothing new asks Affise nothing", async () => {
  const declared = await declareOffers([
    { name: "o", args: withPayment({ os: ["Android"], goal: "fd" }) },
  ]);
  const [created] = await stack.engine.up(declared);
  expect(created.kind).toBe("create");
  expect(stack.emulator.offers()[0].payments).toContainEqual(
    expect.objectContaining({ goal: "fd" }),
  );
  stack.emulator.clearRequests();
  const [preview] = await stack.engine.preview(declared);
  expect(preview.kind).toBe("same");
  expect(stack.emulator.requests()).toEqual([]);
});
