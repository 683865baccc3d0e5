/**
 * 50 offers through Pulumi's provider host while the emulator misbehaves the ways a real Affise (or
 * the network to it) does. After each run: every offer exists exactly once, with its declared
 * payments, and a second `up` is a no-op (no changes, not one request).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator } from "../../emulator";
import { declareOffers } from "../../harness/declare-offers";
import type { Declared, Step } from "../../harness/engine";
import { sampleOffer } from "../../harness/fixtures";
import { type Stack, startStack } from "../../harness/stack";
import { ownMarker } from "../../provider/lifecycle/ownership";

jest.setTimeout(120_000);

const N = 50;
const FAST_CLIENT = {
  "affise:maxRequestsPerSecond": "500",
  "affise:maxConcurrency": "10",
  "affise:timeoutMs": "1000",
  "affise:maxRetries": "8",
  // The emulator's slowest commit in these runs is a 1.6 s slow create: a create that got no
  // answer is looked for until 4 s after it was sent, then tried again.
  "affise:createSettleSeconds": "4",
};

let declared: Declared[];
beforeAll(async () => {
  declared = await declareOffers(
    Array.from({ length: N }, (_, i) => ({ name: `offer-${i}`, args: sampleOffer(i) })),
  );
});

function expectEveryOfferExactlyOnce(stack: Stack) {
  const offers = stack.emulator.offers();
  for (let i = 0; i < N; i++) {
    const mine = offers.filter((o) => o.external_offer_id === markerOf(stack, `offer-${i}`));
    expect({ offer: i, copies: mine.length }).toEqual({ offer: i, copies: 1 });
    const payments = mine[0].payments as { total: number; currency: string }[];
    expect(payments.map((p) => `${p.total} ${p.currency}`).sort()).toEqual(
      [`${10 + (i % 7)} eur`, "12 usd"].sort(),
    );
    expect(String(mine[0].id)).toBe(stack.engine.state.get(`offer-${i}`)!.id);
  }
  expect(offers).toHaveLength(N);
}

async function expectSecondPassIsNoOp(stack: Stack) {
  stack.emulator.resetFaults();
  stack.emulator.clearRequests();
  const steps = await stack.engine.up(declared);
  expect(steps.filter((s) => s.kind !== "same")).toEqual([]);
  expect(stack.emulator.requests()).toEqual([]);
}

/** This stack's own marker for a resource: its StackMark token and the resource name. */
const markerOf = (stack: Stack, name: string) =>
  ownMarker(String(stack.engine.stackMark!.outputs.token), name);

const failures = (steps: Step[]) => steps.filter((s) => s.kind === "failed");
type Logged = { method: string; path: string; status: number; query: Record<string, unknown> };
const count = (stack: Stack, predicate: (r: Logged) => boolean) =>
  stack.emulator.requests().filter(predicate).length;
/** A lookup of one marker (not a page of the account). */
const byMarker = (r: Logged) => r.query.external_offer_id !== undefined;
const isCreate = (r: { method: string; path: string }) =>
  r.method === "POST" && r.path === "/3.0/admin/offer";

describe("fault matrix (50 offers, 10 in flight)", () => {
  let stack: Stack;
  afterEach(() => stack.stop());

  it("survives a 429 storm: 20 requests answered 429 in a row, then a rate limit far below the client's", async () => {
    // A storm counted in requests, not seconds: the first 20 requests are refused however fast the
    // machine is (no request can meet more of them than its 20 retries); after it, the token
    // bucket refuses whatever exceeds 40 req/s.
    const STORM = 20;
    stack = await startStack({
      config: { ...FAST_CLIENT, "affise:maxRetries": String(STORM) },
      emulator: { rateLimit: { requestsPerSecond: 40, burst: 5 } },
    });
    stack.emulator.setFaults({ failNext: { count: STORM, status: 429 } });
    const steps = await stack.engine.up(declared);
    expect(failures(steps)).toEqual([]);
    expect(stack.emulator.faults().failNext.count).toBe(0);
    expect(count(stack, (r) => r.status === 429)).toBeGreaterThanOrEqual(STORM);
    expectEveryOfferExactlyOnce(stack);
    expect(count(stack, (r) => isCreate(r) && r.status === 200)).toBe(N);
    await expectSecondPassIsNoOp(stack);
  });

  it("survives intermittent 500s and 502s (a quarter of all requests), on creates and lookups alike", async () => {
    stack = await startStack({ config: FAST_CLIENT });
    stack.emulator.setFaults({ intermittent: { ratio: 0.25, statuses: [500, 502], seed: 42 } });
    const steps = await stack.engine.up(declared);
    expect(failures(steps)).toEqual([]);
    expect(count(stack, (r) => isCreate(r) && r.status >= 500)).toBeGreaterThan(0);
    expectEveryOfferExactlyOnce(stack);
    await expectSecondPassIsNoOp(stack);
  });

  it("never duplicates when creates outlive the client's timeout and land later", async () => {
    stack = await startStack({ config: FAST_CLIENT });
    stack.emulator.setFaults({ slowCreates: { count: 20, delayMs: 1600 } });
    const steps = await stack.engine.up(declared);
    expect(failures(steps)).toEqual([]);
    // 20 creates outlived the 1 s timeout and landed anyway: each was looked up again by its
    // marker (at least one lookup after every timeout) and adopted. (Before a create, the
    // process's marker index answers; every offer existing exactly once below proves it.)
    // That a lookup that comes too early is followed by later ones is proven without a clock in
    // test/provider/create-offer.test.ts.
    expect(stack.emulator.faults().slowCreates.count).toBe(0);
    expect(
      count(stack, (r) => r.method === "GET" && r.path === "/3.0/offers" && byMarker(r)),
    ).toBeGreaterThanOrEqual(20);
    expect(count(stack, (r) => isCreate(r) && r.status === 200)).toBe(N);
    expectEveryOfferExactlyOnce(stack);
    await expectSecondPassIsNoOp(stack);
  });

  it("adopts instead of re-creating when Affise commits a create and the connection drops", async () => {
    stack = await startStack({ config: FAST_CLIENT });
    stack.emulator.setFaults({ dropAfterCommit: 15 });
    const steps = await stack.engine.up(declared);
    expect(failures(steps)).toEqual([]);
    expect(count(stack, (r) => isCreate(r) && r.status === 0)).toBe(15);
    expect(count(stack, isCreate)).toBe(N);
    expectEveryOfferExactlyOnce(stack);
    await expectSecondPassIsNoOp(stack);
  });

  it("carries on across an emulator restart mid-run, losing nothing (--data)", async () => {
    const dataFile = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), "affise-restart-")),
      "affise.sqlite",
    );
    stack = await startStack({ config: FAST_CLIENT, emulator: { dataFile, latencyMs: 20 } });
    const port = stack.emulator.port;
    const restart = (async () => {
      while (count(stack, isCreate) < 15) await new Promise((resolve) => setTimeout(resolve, 10));
      await stack.emulator.close();
      await new Promise((resolve) => setTimeout(resolve, 300));
      stack.emulator = await startEmulator({ apiKey: stack.apiKey, dataFile, port, latencyMs: 20 });
    })();
    const steps = await stack.engine.up(declared);
    await restart;
    expect(failures(steps)).toEqual([]);
    // The restarted emulator served part of the run (its log starts empty), with the first one's offers.
    expect(count(stack, isCreate)).toBeGreaterThan(0);
    expect(count(stack, isCreate)).toBeLessThan(N);
    expectEveryOfferExactlyOnce(stack);
    await expectSecondPassIsNoOp(stack);
  });
});
