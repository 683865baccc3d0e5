import type { StoredOffer } from "../model";

/** Sequences that must never hand out the same number twice, even across restarts. */
export interface Counters {
  lastOfferId: number;
  lastLandingId: number;
}

export interface PersistedState {
  offers: StoredOffer[];
  counters: Counters;
}

/** One atomic write: either all of it is durable when `commit` returns, or none of it. */
export interface Change {
  put: StoredOffer[];
  remove: number[];
  counters: Counters;
}

/** Where the store keeps its state between runs; the in-memory store has none. */
export interface Persistence {
  load(): PersistedState;
  commit(change: Change): void;
  close(): void;
}
