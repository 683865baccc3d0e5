/**
 * Creating an offer without ever creating it twice, and without touching an offer that is not
 * ours. Affise has no idempotency key, so every offer this provider creates carries a marker in
 * `external_offer_id`. Before creating, and after any failure where Affise may have created it
 * anyway (a timeout, a dropped connection, a 5xx), the provider looks the marker up: an offer
 * that carries this resource's own marker (ownership.ts) is taken over instead of posting a
 * second one; any other offer found is refused, naming its id and how to adopt it. After a
 * create, offers committed just before it are checked for the same marker too (a killed run's
 * create still in flight, another process's): the oldest is kept, the others stopped. The
 * process's marker index (marker-index.ts) answers both questions without a request per create.
 */
import { type AffiseClient } from "../affise/client";
import { claimAdoption } from "./adoption";
import { recordTakeover } from "./held-offers";
import { offerForm } from "../encoding";
import { AffiseError } from "../affise/errors";
import { syncAffiliates } from "./affiliates";
import { type MarkerIndex, markerIndexFor } from "./marker-index";
import {
  adoptionConflict,
  type Claimant,
  isProvablyOurs,
  notProvablyOursError,
  ownMarker,
} from "./ownership";
import type { AffiseOffer } from "../affise/offer";
import { stateFromAffise } from "../read-model";
import { bringToDeclared } from "./write-offer";
import type { CheckedOffer } from "../types";

export interface CreateTuning {
  /** Creates attempted in all, when each failure leaves no trace of the offer in Affise. */
  maxCreateAttempts: number;
  /** Pause before the next create attempt: retryBaseMs × 2^(attempt-1), plus up to 20 % jitter. */
  retryBaseMs: number;
  /** Lookups of the marker after an ambiguous failure at least, spaced lookupSpacingMs × 2^(n-1)… */
  lookups: number;
  lookupSpacingMs: number;
  /** …and more, until this long after the create was sent: Affise's slowest commit, with margin. */
  settleMs: number;
  /** Time as the lookups see it (scripted in tests). */
  clock?: CreateClock;
}

export interface CreateClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const REAL_CLOCK: CreateClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const DEFAULT_CREATE_TUNING: CreateTuning = {
  maxCreateAttempts: 7,
  retryBaseMs: 250,
  lookups: 3,
  lookupSpacingMs: 1000,
  settleMs: 120_000,
};

/** Create attempts follow the client's retry budget; the settle time is affise:createSettleSeconds. */
export function createTuning(connection: {
  maxRetries: number;
  createSettleSeconds: number;
}): CreateTuning {
  return {
    ...DEFAULT_CREATE_TUNING,
    maxCreateAttempts: connection.maxRetries + 1,
    settleMs: connection.createSettleSeconds * 1000,
  };
}

/** Raised when an offer exists in Affise but could not be brought to the declared state. */
export class OfferNotReconciledError extends Error {
  constructor(
    readonly existing: AffiseOffer,
    cause: Error,
  ) {
    super(
      `Affise offer ${existing.id} exists but could not be updated to the declared state: ${cause.message}`,
    );
    this.name = "OfferNotReconciledError";
  }
}

export async function createOrAdoptOffer(
  client: AffiseClient,
  offer: CheckedOffer,
  tuning: CreateTuning = DEFAULT_CREATE_TUNING,
): Promise<AffiseOffer> {
  const index = offer.stackToken ? markerIndexFor(client.tenant, offer.stackToken) : undefined;
  if (offer.adoptId !== undefined) {
    const existing = await client.getOffer(String(offer.adoptId));
    if (!existing) throw new Error(`adoptId ${offer.adoptId}: Affise has no offer with this id`);
    const conflict = adoptionConflict(existing, offer);
    if (conflict) throw new Error(`adoptId ${offer.adoptId}: ${conflict}`);
    claimAdoption(client.tenant, existing.id, offer.resourceName);
    return reconcile(client, offer, existing, index);
  }
  const marker = offer.externalOfferId;
  const own = marker !== undefined && isOwnMarker(offer, marker) ? index : undefined;
  const earlier = marker ? await findOurs(client, offer, marker, own) : undefined;
  if (earlier) return reconcile(client, offer, earlier, index);

  const form = offerForm(offer);
  for (let attempt = 1; ; attempt++) {
    let created: AffiseOffer;
    const sentAt = (tuning.clock ?? REAL_CLOCK).now();
    try {
      const send = () => client.createOffer(form);
      created = index ? await index.create(send) : await send();
    } catch (error) {
      if (!(error instanceof AffiseError)) throw error;
      if (error.mayHaveCommitted && marker) {
        const landed = await findByMarkerPatiently(
          client,
          offer,
          marker,
          {
            ...tuning,
            // An answer (a 5xx) means Affise is done with it: only a create with no answer may land late.
            settleMs: error.mayStillBeRunning ? tuning.settleMs : 0,
          },
          sentAt,
        );
        if (landed) return reconcile(client, offer, landed, index);
      }
      if (error.isFinal || attempt >= tuning.maxCreateAttempts) throw error;
      if (error.mayHaveCommitted && !marker) {
        throw new Error(
          `${error.message}. Affise may have created the offer anyway; without an externalOfferId ` +
            "it cannot be found again safely, so it was not retried. Check Affise before running again.",
        );
      }
      const pause = tuning.retryBaseMs * 2 ** (attempt - 1);
      await (tuning.clock ?? REAL_CLOCK).sleep(pause * (1 + 0.2 * Math.random()));
      continue;
    }
    if (marker && isOwnMarker(offer, marker)) await keepOldest(client, marker, created, own);
    return grantAffiliates(client, offer, created);
  }
}

function isOwnMarker(claimant: Claimant, marker: string): boolean {
  return (
    !!claimant.stackToken &&
    !!claimant.resourceName &&
    marker === ownMarker(claimant.stackToken, claimant.resourceName)
  );
}

/**
 * Our create has committed; a create with the same marker committed before it (a killed run's
 * still in flight, or another process's) would be a second live offer. Keep the oldest.
 */
async function keepOldest(
  client: AffiseClient,
  marker: string,
  created: AffiseOffer,
  index: MarkerIndex | undefined,
): Promise<void> {
  let found: AffiseOffer[];
  try {
    found =
      (await index?.settle(client, marker, created)) ??
      (await client.findOffersByExternalId(marker));
  } catch (error) {
    throw new OfferNotReconciledError(created, error as Error);
  }
  const others = found.filter((o) => String(o.id) !== String(created.id));
  if (others.length > 0) await keepOne(client, [created, ...others], index);
}

/**
 * The offer carrying `marker` that is provably this resource's, if any. Anything else carrying it
 * is refused. Several of ours (two runs raced) is settled by `keepOne`.
 */
async function findOurs(
  client: AffiseClient,
  claimant: Claimant,
  marker: string,
  index?: MarkerIndex,
): Promise<AffiseOffer | undefined> {
  const indexed = await index?.lookup(client, marker);
  const found = indexed
    ? await stillThere(client, indexed, index!)
    : await client.findOffersByExternalId(marker);
  const foreign = found.filter((o) => !isProvablyOurs(o, claimant));
  if (foreign.length > 0) throw notProvablyOursError(marker, foreign);
  return found.length > 0 ? keepOne(client, found, index) : undefined;
}

/** Offers the index lists, as Affise holds them now (one may have been deleted meanwhile). */
async function stillThere(
  client: AffiseClient,
  offers: AffiseOffer[],
  index: MarkerIndex,
): Promise<AffiseOffer[]> {
  const current: AffiseOffer[] = [];
  for (const listed of offers) {
    const offer = await client.getOffer(listed.id);
    if (offer) current.push(offer);
    else index.forget(listed.id);
  }
  return current;
}

/**
 * Two offers carrying this resource's own marker: two creates raced, or a create landed after it
 * was given up on. Keep the oldest (lowest id), stop (never delete) the others, and report both.
 */
async function keepOne(
  client: AffiseClient,
  ours: AffiseOffer[],
  index?: MarkerIndex,
): Promise<AffiseOffer> {
  const [kept, ...extra] = [...ours].sort((a, b) => Number(a.id) - Number(b.id));
  if (extra.length === 0) return kept;
  for (const offer of extra) {
    if (offer.status !== "stopped") await client.setOfferStatus(offer.id, "stopped");
    index?.note({ ...offer, status: "stopped" });
  }
  throw new ExtraOffersStoppedError(
    kept,
    `Affise holds ${ours.length} offers created for this resource (ids ${[kept, ...extra].map((o) => o.id).join(", ")}): ` +
      `kept ${kept.id} and stopped ${extra.map((o) => o.id).join(", ")} (not deleted: check ` +
      `for conversions, then delete it in Affise); the state holds ${kept.id}, run again to bring it up to date`,
  );
}

/** The report of `keepOne`: the kept offer is handed to the engine, like any offer that exists. */
class ExtraOffersStoppedError extends OfferNotReconciledError {
  constructor(kept: AffiseOffer, report: string) {
    super(kept, new Error(report));
    this.message = report;
    this.name = "ExtraOffersStoppedError";
  }
}

/**
 * A create that timed out may still be running in Affise: look again, backing off, at least
 * `lookups` times and until `settleMs` after the create was sent, before giving up on it.
 */
async function findByMarkerPatiently(
  client: AffiseClient,
  claimant: Claimant,
  marker: string,
  tuning: CreateTuning,
  sentAt: number,
): Promise<AffiseOffer | undefined> {
  const clock = tuning.clock ?? REAL_CLOCK;
  for (let lookup = 1; ; lookup++) {
    const found = await findOurs(client, claimant, marker);
    if (found) return found;
    const untilSettled = tuning.settleMs - (clock.now() - sentAt);
    const spacing = tuning.lookupSpacingMs * 2 ** (lookup - 1);
    if (lookup >= tuning.lookups) {
      if (untilSettled <= 0) return undefined;
      await clock.sleep(spacing > 0 ? Math.min(spacing, untilSettled) : untilSettled);
    } else {
      await clock.sleep(spacing);
    }
  }
}

/**
 * Brings an offer found in Affise (adopted, or found by its marker) to the declared state.
 * Whatever fails from here on, the offer exists: the error carries it, so it is tracked.
 */
async function reconcile(
  client: AffiseClient,
  offer: CheckedOffer,
  existing: AffiseOffer,
  index?: MarkerIndex,
): Promise<AffiseOffer> {
  recordTakeover(existing.offer_id);
  index?.note(existing);
  try {
    const affiliates =
      offer.enabledAffiliates !== undefined
        ? await client.getEnabledAffiliates(existing.id)
        : undefined;
    const current = stateFromAffise(existing, offer, affiliates);
    const reconciled =
      (await bringToDeclared(client, existing.id, offer, current, existing)) ?? existing;
    index?.note(reconciled);
    return reconciled;
  } catch (error) {
    throw new OfferNotReconciledError(existing, error as Error);
  }
}

/** A new offer's affiliate access (the create form cannot carry it). */
async function grantAffiliates(client: AffiseClient, offer: CheckedOffer, created: AffiseOffer) {
  if (!offer.enabledAffiliates?.length) return created;
  try {
    await syncAffiliates(client, created.id, offer.enabledAffiliates, []);
    return created;
  } catch (error) {
    throw new OfferNotReconciledError(created, error as Error);
  }
}
