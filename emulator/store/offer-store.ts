import { blankOffer, type StoredOffer } from "../model";
import type { Change, Counters, Persistence } from "./persistence";

/**
 * The tenant's offers. Reads come from memory; every write is first committed to the
 * persistence (when there is one) and only then applied in memory, so a write that could not
 * be made durable is not visible either. Callers get copies, never the stored objects.
 */
export class OfferStore {
  private readonly offers = new Map<number, StoredOffer>();
  private counters: Counters = { lastOfferId: 0, lastLandingId: 0 };

  constructor(private readonly persistence?: Persistence) {
    if (!persistence) return;
    const state = persistence.load();
    this.counters = state.counters;
    for (const offer of state.offers) this.offers.set(offer.id, withCurrentFields(offer));
  }

  get(id: number): StoredOffer | undefined {
    const offer = this.offers.get(id);
    return offer && structuredClone(offer);
  }

  all(): StoredOffer[] {
    return this.inIdOrder().map((o) => structuredClone(o));
  }

  /**
   * The stored offers themselves, for read-only scans (listing, counting): copying every offer
   * for each list request made a 1,000-offer tenant answer 15× slower than an empty one.
   */
  scan(): readonly Readonly<StoredOffer>[] {
    return this.inIdOrder();
  }

  private inIdOrder(): StoredOffer[] {
    return [...this.offers.values()].sort((a, b) => a.id - b.id);
  }

  /** Stores a new offer, giving it the next integer id and ids for its new landings. */
  insert(draft: StoredOffer): StoredOffer {
    const counters = { ...this.counters, lastOfferId: this.counters.lastOfferId + 1 };
    const offer = withLandingIds({ ...structuredClone(draft), id: counters.lastOfferId }, counters);
    this.apply({ put: [offer], remove: [], counters });
    return structuredClone(offer);
  }

  /** Replaces existing offers (each must exist), giving ids to landings that have none. */
  replace(drafts: StoredOffer[]): StoredOffer[] {
    const counters = { ...this.counters };
    for (const draft of drafts) {
      if (!this.offers.has(draft.id)) throw new Error(`offer ${draft.id} is not stored`);
    }
    const offers = drafts.map((draft) => withLandingIds(structuredClone(draft), counters));
    this.apply({ put: offers, remove: [], counters });
    return offers.map((offer) => structuredClone(offer));
  }

  remove(ids: number[]): void {
    this.apply({ put: [], remove: ids, counters: { ...this.counters } });
  }

  close(): void {
    this.persistence?.close();
  }

  private apply(change: Change): void {
    this.persistence?.commit(change);
    this.counters = change.counters;
    for (const offer of change.put) this.offers.set(offer.id, offer);
    for (const id of change.remove) this.offers.delete(id);
  }
}

/** Landings sent without an id are new; Affise numbers them from one tenant-wide sequence. */
function withLandingIds(offer: StoredOffer, counters: Counters): StoredOffer {
  for (const landing of offer.landings) {
    if (landing.id === 0) landing.id = ++counters.lastLandingId;
  }
  return offer;
}

/** Offers written by an older emulator lack newer fields; they read as the defaults. */
function withCurrentFields(offer: StoredOffer): StoredOffer {
  return { ...blankOffer(offer.id, offer.offerId, offer.createdAt), ...offer };
}
