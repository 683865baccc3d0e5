/**
 * What a create costs, counted in requests against a scripted Affise that commits creates in the
 * order received and numbers them as it commits: one request per create once the process's
 * marker index is built, and an account of 100,000 offers is never paged through for a few creates.
 */
import { helpCentreOffer } from "../../harness/fixtures";
import type { AffiseClient, OfferListQuery, OfferPage } from "../../provider/affise/client";
import { createOrAdoptOffer, type CreateTuning } from "../../provider/lifecycle/create-offer";
import { normalizeOffer } from "../../provider/normalize";
import { ownMarker } from "../../provider/lifecycle/ownership";
import type { AffiseOffer } from "../../provider/affise/offer";

const NO_WAIT: CreateTuning = {
  maxCreateAttempts: 1,
  retryBaseMs: 0,
  lookups: 1,
  lookupSpacingMs: 0,
  settleMs: 0,
};
const TOKEN = "0ddba11c0ffee000";
let tenants = 0;

/** An account holding `existing` offers nobody here made; every call counted by kind. */
function scriptedAffise(existing: number) {
  const calls: Record<string, number> = {};
  const count = (kind: string) => (calls[kind] = (calls[kind] ?? 0) + 1);
  let lastId = existing;
  const made: AffiseOffer[] = [];
  const byId = new Map<number, AffiseOffer>();
  const offerAt = (id: number): AffiseOffer =>
    byId.get(id) ?? ({ id: String(id), offer_id: `f${id}`, external_offer_id: "" } as AffiseOffer);
  const total = () => lastId;
  const inFlight: string[] = [];
  const commit = (marker: string) => {
    const offer = { id: String(++lastId), offer_id: `f${lastId}`, external_offer_id: marker };
    made.push(offer as AffiseOffer);
    byId.set(lastId, offer as AffiseOffer);
  };
  const client = {
    tenant: `https://tenant-${++tenants}.test`,
    async listOffers(query: OfferListQuery): Promise<OfferPage> {
      count(query.newestFirst ? "list newest" : "list");
      const from = (query.page - 1) * query.limit;
      const size = Math.max(0, Math.min(query.limit, total() - from));
      const ids = Array.from({ length: size }, (_, i) =>
        query.newestFirst ? total() - from - i : from + i + 1,
      );
      const more = query.page * query.limit < total();
      return {
        offers: ids.map(offerAt),
        totalCount: total(),
        nextPage: more ? query.page + 1 : undefined,
      };
    },
    async findOffersByExternalId(marker: string) {
      count("lookup");
      return made.filter((o) => o.external_offer_id === marker);
    },
    async getOffer(id: string) {
      count("get");
      return offerAt(Number(id));
    },
    async setOfferStatus(id: string, status: string) {
      count("status");
      byId.set(Number(id), { ...offerAt(Number(id)), status });
    },
    async createOffer(form: string) {
      count("create");
      // A killed run's create, received before ours, commits first.
      if (inFlight.length > 0) commit(inFlight.splice(0)[0]);
      // Answers come back out of order; ids follow the order received.
      const id = ++lastId;
      await new Promise((resolve) => setTimeout(resolve, (id * 7) % 5));
      const marker = new URLSearchParams(form).get("external_offer_id") ?? "";
      const offer = {
        id: String(id),
        offer_id: `f${id}`,
        external_offer_id: marker,
      } as AffiseOffer;
      made.push(offer);
      byId.set(id, offer);
      return offer;
    },
  };
  return { client: client as unknown as AffiseClient, calls, made, byId, inFlight };
}

const declared = (name: string) =>
  normalizeOffer({
    ...helpCentreOffer,
    enabledAffiliates: undefined,
    resourceName: name,
    stackToken: TOKEN,
    externalOfferId: ownMarker(TOKEN, name),
  });

async function createAll(client: AffiseClient, names: string[], inFlight: number) {
  let next = 0;
  const worker = async () => {
    while (next < names.length) await createOrAdoptOffer(client, declared(names[next++]), NO_WAIT);
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}

const names = (n: number) => Array.from({ length: n }, (_, i) => `offer-${i}`);
const requests = (calls: Record<string, number>) =>
  Object.values(calls).reduce((sum, n) => sum + n, 0);

it("1,000 creates, 10 in flight, in an account of one page: one listing, then one request each", async () => {
  const { client, calls, made } = scriptedAffise(120);
  await createAll(client, names(1000), 10);
  expect(made).toHaveLength(1000);
  expect(calls).toEqual({ list: 1, create: 1000 });
  expect(requests(calls) / 1000).toBeLessThanOrEqual(1.05);
});

it("one create in an account of 100,000 offers reads one page of it, not 200", async () => {
  const { client, calls } = scriptedAffise(100_000);
  await createAll(client, names(1), 1);
  expect(calls).toEqual({ list: 1, lookup: 2, create: 1 });
});

it("1,000 creates in an account of 100,000: the account is listed once, when the creates pay for it", async () => {
  const { client, calls, made } = scriptedAffise(100_000);
  await createAll(client, names(1000), 10);
  expect(made).toHaveLength(1000);
  // 200 pages are worth listing once 100 creates have been made with a lookup before and after.
  expect(calls.list).toBeLessThanOrEqual(2 + 201);
  expect(calls.lookup).toBeLessThanOrEqual(2 * 110);
  expect(calls.create).toBe(1000);
  expect(requests(calls) / 1000).toBeLessThan(1.5);
});

it("an offer someone else created between two of ours is checked for with one page of the newest", async () => {
  const { client, calls } = scriptedAffise(10);
  await createAll(client, ["first"], 1);
  // Another process's create (another marker) lands between ours: ids no longer follow on.
  await client.createOffer("title=x&external_offer_id=someone-else");
  await createAll(client, ["second"], 1);
  expect(calls).toEqual({ list: 1, create: 3, "list newest": 1 });
});

describe.each([
  ["an account of one page (the index)", 10],
  ["an account of 100,000 offers (a lookup after the create)", 100_000],
])("a killed run's create still inside Affise when the rerun creates: %s", (_, existing) => {
  it("keeps the older offer, stops the rerun's, and names both", async () => {
    const { client, calls, byId, inFlight } = scriptedAffise(existing);
    inFlight.push(ownMarker(TOKEN, "promo"));
    const error = (await createOrAdoptOffer(client, declared("promo"), NO_WAIT).catch(
      (e: unknown) => e,
    )) as Error & { existing: AffiseOffer };
    const [kept, extra] = [existing + 1, existing + 2];
    expect(error.message).toContain(`kept ${kept} and stopped ${extra}`);
    expect(error.existing.id).toBe(String(kept));
    expect(byId.get(extra)!.status).toBe("stopped");
    expect(byId.get(kept)!.status).toBeUndefined();
    expect(calls.create).toBe(1);
  });
});
