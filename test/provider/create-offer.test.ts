/**
 * Crash-safe create, with a scripted client: no network and no clock, so what it proves does not
 * depend on how fast the machine is.
 */
import type { AffiseClient } from "../../provider/affise/client";
import { createOrAdoptOffer, type CreateTuning } from "../../provider/lifecycle/create-offer";
import { AffiseError } from "../../provider/affise/errors";
import { normalizeOffer } from "../../provider/normalize";
import { ownMarker } from "../../provider/lifecycle/ownership";
import { parseAffiseOffer } from "../../provider/affise/offer";
import { helpCentreOffer } from "../../harness/fixtures";

const NO_WAIT: CreateTuning = {
  maxCreateAttempts: 3,
  retryBaseMs: 0,
  lookups: 3,
  lookupSpacingMs: 0,
  settleMs: 0,
};

/** A clock that only moves when the code under test sleeps. */
function scriptedClock() {
  const clock = {
    at: 0,
    sleeps: [] as number[],
    now: () => clock.at,
    async sleep(ms: number) {
      clock.sleeps.push(ms);
      clock.at += ms;
    },
  };
  return clock;
}
/** This resource's own marker: the stack's token and the resource name. */
const OURS = { resourceName: "late", stackToken: "5eed0f5eed0f5eed" };
const MARKER = ownMarker(OURS.stackToken, OURS.resourceName);

function scriptedClient(lookups: unknown[][], failure = "timeout") {
  const calls: string[] = [];
  const landed = parseAffiseOffer({
    id: 77,
    title: "Late",
    advertiser: "a",
    external_offer_id: MARKER,
  });
  const client = {
    async findOffersByExternalId(marker: string) {
      calls.push(`lookup ${marker}`);
      return (lookups.shift() ?? []).map(() => landed);
    },
    async createOffer() {
      calls.push("create");
      if (failure === "timeout") {
        throw new AffiseError(
          "POST",
          "/3.0/admin/offer",
          "timeout",
          "no answer before the timeout",
        );
      }
      throw new AffiseError("POST", "/3.0/admin/offer", "http", "Internal Server Error", 500);
    },
    async editOffer() {
      calls.push("edit");
      return landed;
    },
  };
  return { client: client as unknown as AffiseClient, calls };
}

it("looks again when the first lookup after a timed-out create comes before the create lands", async () => {
  const offer = normalizeOffer({ ...helpCentreOffer, ...OURS, externalOfferId: MARKER });
  // Before the create: nothing. After the timeout: still nothing, then the offer.
  const { client, calls } = scriptedClient([[], [], [{}]]);
  const adopted = await createOrAdoptOffer(client, offer, NO_WAIT);
  expect(adopted.id).toBe("77");
  expect(calls).toEqual([
    `lookup ${MARKER}`,
    "create",
    `lookup ${MARKER}`,
    `lookup ${MARKER}`,
    "edit",
  ]);
});

it("never creates a second time when every lookup after an ambiguous create comes up empty", async () => {
  const offer = normalizeOffer({ ...helpCentreOffer, ...OURS, externalOfferId: MARKER });
  const { client, calls } = scriptedClient([]);
  await expect(
    createOrAdoptOffer(client, offer, { ...NO_WAIT, maxCreateAttempts: 1 }),
  ).rejects.toThrow(/timeout/);
  expect(calls.filter((c) => c === "create")).toHaveLength(1);
  expect(calls.filter((c) => c.startsWith("lookup"))).toHaveLength(1 + NO_WAIT.lookups);
});

it("without the stack's token, never takes over an offer found by its marker, and creates nothing", async () => {
  const offer = normalizeOffer({
    ...helpCentreOffer,
    resourceName: "late",
    externalOfferId: MARKER,
  });
  const { client, calls } = scriptedClient([[{}]]);
  await expect(createOrAdoptOffer(client, offer, NO_WAIT)).rejects.toThrow(
    `Affise offer 77 already carries external_offer_id "${MARKER}", but nothing proves this stack created it`,
  );
  expect(calls).toEqual([`lookup ${MARKER}`]);
});

it("two offers carrying this resource's marker: keeps the older, stops (never deletes) the other, names both", async () => {
  const offer = normalizeOffer({ ...helpCentreOffer, ...OURS, externalOfferId: MARKER });
  const calls: string[] = [];
  const twin = (id: number) =>
    parseAffiseOffer({ id, title: "Raced", advertiser: "a", external_offer_id: MARKER });
  const client = {
    async findOffersByExternalId() {
      calls.push("lookup");
      return [twin(91), twin(90)];
    },
    async setOfferStatus(id: string, status: string) {
      calls.push(`${status} ${id}`);
    },
    async createOffer() {
      calls.push("create");
      throw new Error("must not create");
    },
  } as unknown as AffiseClient;
  const error = await createOrAdoptOffer(client, offer, NO_WAIT).catch((e: unknown) => e);
  expect(error).toMatchObject({ existing: expect.objectContaining({ id: "90" }) });
  expect(String(error)).toContain("(ids 90, 91): kept 90 and stopped 91 (not deleted");
  expect(calls).toEqual(["lookup", "stopped 91"]);
});

describe("a create slower than the timeout and the first lookups", () => {
  const SLOW: Omit<CreateTuning, "clock"> = {
    maxCreateAttempts: 3,
    retryBaseMs: 0,
    lookups: 3,
    lookupSpacingMs: 1000,
    settleMs: 120_000,
  };

  it("keeps looking, backing off, until the settle time has passed, and takes the offer that lands late", async () => {
    const offer = normalizeOffer({ ...helpCentreOffer, ...OURS, externalOfferId: MARKER });
    // Before the create: nothing. After the timeout: five empty lookups, then the offer.
    const { client, calls } = scriptedClient([[], [], [], [], [], [], [{}]]);
    const clock = scriptedClock();
    const adopted = await createOrAdoptOffer(client, offer, { ...SLOW, clock });
    expect(adopted.id).toBe("77");
    expect(calls.filter((c) => c === "create")).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith("lookup"))).toHaveLength(7);
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it("looks until the settle time is over before it gives up, and creates only once", async () => {
    const offer = normalizeOffer({ ...helpCentreOffer, ...OURS, externalOfferId: MARKER });
    const { client, calls } = scriptedClient([]);
    const clock = scriptedClock();
    await expect(
      createOrAdoptOffer(client, offer, { ...SLOW, maxCreateAttempts: 1, clock }),
    ).rejects.toThrow(/timeout/);
    expect(calls.filter((c) => c === "create")).toHaveLength(1);
    // 1 + 2 + 4 + … + 64 s = 127 s would overshoot: the last wait stops at the settle time.
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 57000]);
    expect(clock.at).toBe(SLOW.settleMs);
    expect(calls.filter((c) => c.startsWith("lookup"))).toHaveLength(1 + 8);
  });

  it("after a 5xx answer (Affise is done with it) looks three times, without waiting out the settle time", async () => {
    const offer = normalizeOffer({ ...helpCentreOffer, ...OURS, externalOfferId: MARKER });
    const { client, calls } = scriptedClient([], "http");
    const clock = scriptedClock();
    await expect(
      createOrAdoptOffer(client, offer, { ...SLOW, maxCreateAttempts: 1, clock }),
    ).rejects.toThrow(/HTTP 500/);
    expect(calls.filter((c) => c.startsWith("lookup"))).toHaveLength(1 + 3);
    expect(clock.sleeps).toEqual([1000, 2000]);
  });
});
