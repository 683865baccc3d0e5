/**
 * What one provider process knows of the offers carrying its stack's markers in one Affise
 * account, so that a create costs one request and stays safe against a killed run or a second
 * process creating the same offer.
 *
 * Affise commits creates in the order it receives them and numbers offers as it commits them. So
 * a listing whose highest id is H shows every offer that will ever have an id up to H; and below
 * the id X a create of ours was given lie only offers committed before it. When every id between
 * H and X is one this process created, no other create with our marker (one a killed run left in
 * flight, another process's) can sit below X: there is nothing to look up. Otherwise the newest
 * offers are listed (one page, shared by every create waiting) before the create is answered.
 *
 * The index starts from a listing of the whole account, 500 offers a page: at once when the
 * account fits in one page, otherwise only once this process has made enough creates to pay for
 * the pages (each create looked up by its marker before and after costs two requests more).
 */
import type { AffiseClient, OfferPage } from "../affise/client";
import { parseMarker } from "./ownership";
import type { AffiseOffer } from "../affise/offer";

const PAGE = 500;
/** A listing that changed size while it was paged is read again, this many times at most. */
const LISTING_ATTEMPTS = 3;

export class MarkerIndex {
  private readonly byMarker = new Map<string, Map<string, AffiseOffer>>();
  /** Every offer with an id up to this one that carries our token is in `byMarker`. */
  private coveredUpTo: number | undefined;
  /** Pages of the whole account, once known (Infinity: never worth listing it). */
  private accountPages: number | undefined;
  private lookups = 0;
  /** Ids this process's creates were given, above `coveredUpTo`. */
  private readonly created = new Set<number>();
  private readonly posting = new Set<Promise<unknown>>();
  private refreshing: Promise<void> | undefined;
  private building: Promise<void> | undefined;

  constructor(private readonly token: string) {}

  get built(): boolean {
    return this.coveredUpTo !== undefined;
  }

  /**
   * The offers carrying `marker`, as last listed; undefined while the index is not built (the
   * caller looks the marker up itself).
   */
  async lookup(client: AffiseClient, marker: string): Promise<AffiseOffer[] | undefined> {
    this.lookups++;
    if (!this.built) {
      this.building ??= this.buildIfWorthIt(client).finally(() => (this.building = undefined));
      await this.building;
    }
    return this.built ? this.carrying(marker) : undefined;
  }

  /** Sends a create, so that a create answered meanwhile can wait to learn the id it gets. */
  async create(send: () => Promise<AffiseOffer>): Promise<AffiseOffer> {
    const pending = send();
    this.posting.add(pending);
    try {
      const offer = await pending;
      this.created.add(Number(offer.id));
      this.note(offer);
      return offer;
    } finally {
      this.posting.delete(pending);
    }
  }

  /**
   * Every offer carrying `marker` whose id is up to `offer`'s (ours, just created), once none
   * committed before it can be missing; undefined while the index is not built.
   */
  async settle(
    client: AffiseClient,
    marker: string,
    offer: AffiseOffer,
  ): Promise<AffiseOffer[] | undefined> {
    if (!this.built) return undefined;
    const id = Number(offer.id);
    // A create of ours still unanswered may hold an id below ours: wait to learn it, but only
    // as long as an id below ours is unaccounted for.
    const sentBefore = [...this.posting];
    for (;;) {
      this.advance();
      if (this.coveredUpTo! >= id) break;
      const unanswered = sentBefore.filter((pending) => this.posting.has(pending));
      if (unanswered.length === 0) await this.refresh(client);
      else await Promise.race(unanswered.map((pending) => pending.then(ignore, ignore)));
    }
    return this.carrying(marker);
  }

  /** Records what is known of an offer (found, adopted, stopped) if it carries our token. */
  note(offer: AffiseOffer): void {
    const marker = parseMarker(offer.external_offer_id);
    if (marker?.token !== this.token) return;
    const key = String(offer.external_offer_id);
    const offers = this.byMarker.get(key) ?? new Map<string, AffiseOffer>();
    offers.set(String(offer.id), offer);
    this.byMarker.set(key, offers);
  }

  forget(id: string): void {
    for (const offers of this.byMarker.values()) offers.delete(String(id));
  }

  private carrying(marker: string): AffiseOffer[] {
    return [...(this.byMarker.get(marker)?.values() ?? [])];
  }

  /** Ids right above the covered ones that our own creates were given are covered too. */
  private advance(): void {
    while (this.created.delete(this.coveredUpTo! + 1)) this.coveredUpTo! += 1;
  }

  private async buildIfWorthIt(client: AffiseClient): Promise<void> {
    const worthIt = () => this.accountPages! <= 1 + 2 * (this.lookups - 1);
    if (this.accountPages !== undefined && !worthIt()) return;
    try {
      for (let attempt = 1; attempt <= LISTING_ATTEMPTS; attempt++) {
        const first = await client.listOffers({ page: 1, limit: PAGE });
        this.accountPages = pagesOf(first);
        if (!worthIt()) return;
        const listed = await restOfListing(client, first);
        if (!listed) continue;
        let top = 0;
        for (const offer of listed) {
          this.note(offer);
          top = Math.max(top, Number(offer.id));
        }
        this.coveredUpTo = top;
        return;
      }
    } catch {
      // Looking each marker up stays correct, only dearer: this process stops trying to list.
      this.accountPages = Infinity;
    }
  }

  private refresh(client: AffiseClient): Promise<void> {
    this.refreshing ??= this.listNewest(client).finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** The offers above the covered ones, newest first, until the covered ones are reached. */
  private async listNewest(client: AffiseClient): Promise<void> {
    const floor = this.coveredUpTo!;
    for (let attempt = 1; attempt <= LISTING_ATTEMPTS; attempt++) {
      let top = floor;
      let total: number | undefined;
      const seen: AffiseOffer[] = [];
      for (let page = 1; ; page++) {
        const answer = await client.listOffers({ page, limit: PAGE, newestFirst: true });
        total ??= answer.totalCount;
        if (answer.totalCount !== total) break;
        seen.push(...answer.offers);
        for (const offer of answer.offers) top = Math.max(top, Number(offer.id));
        const reachedFloor = answer.offers.some((offer) => Number(offer.id) <= floor);
        if (reachedFloor || answer.offers.length < PAGE || !answer.nextPage) {
          for (const offer of seen) if (Number(offer.id) > floor) this.note(offer);
          this.coveredUpTo = Math.max(this.coveredUpTo!, top);
          for (const id of this.created) if (id <= this.coveredUpTo) this.created.delete(id);
          this.advance();
          return;
        }
      }
    }
    throw new Error("the account's newest offers changed while they were listed; run again");
  }
}

/** The whole account from its first page on; undefined if its size changed meanwhile. */
async function restOfListing(
  client: AffiseClient,
  first: OfferPage,
): Promise<AffiseOffer[] | undefined> {
  const offers = [...first.offers];
  let answer = first;
  for (let page = 2; answer.nextPage && answer.offers.length === PAGE; page++) {
    answer = await client.listOffers({ page, limit: PAGE });
    if (answer.totalCount !== first.totalCount) return undefined;
    offers.push(...answer.offers);
  }
  return offers;
}

function pagesOf(first: OfferPage): number {
  if (first.totalCount === undefined) return first.nextPage ? Infinity : 1;
  return Math.max(1, Math.ceil(first.totalCount / PAGE));
}

const ignore = () => undefined;

const indexes = new Map<string, MarkerIndex>();

/** This process's index of the offers carrying `token`'s markers in the account at `tenant`. */
export function markerIndexFor(tenant: string, token: string): MarkerIndex {
  const key = `${tenant} ${token}`;
  let index = indexes.get(key);
  if (!index) indexes.set(key, (index = new MarkerIndex(token)));
  return index;
}

/** An offer deleted in the account at `tenant` is no longer there to be found by its marker. */
export function forgetDeletedOffer(tenant: string, id: string): void {
  for (const [key, index] of indexes) if (key.startsWith(`${tenant} `)) index.forget(id);
}
