/**
 * `diff`: old state against new checked inputs, both normalised. Everything Affise can edit in
 * place is an update; nothing about an offer's payments forces a replace. The only replace is a
 * changed `adoptId`, which points the resource at a different Affise offer.
 */
import { normalizeOffer, paymentKey } from "./normalize";
import type { CheckedOffer, OfferState } from "./types";
import { containsUnknown } from "./unknowns";

export interface OfferDiff {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
  /** Top-level inputs that differ, for messages and tests (the host does not pass these on). */
  changed: string[];
  /** Whether any of the changes is to something Affise stores (not just provider settings). */
  affiseChanged: boolean;
}

/** Fields Affise stores; a change to any of them is one edit request. */
export const AFFISE_FIELDS = [
  "title",
  "advertiser",
  "url",
  "externalOfferId",
  "payments",
  "partnerPayments",
] as const;
/** Fields only the provider uses; changing them needs no request. */
const LOCAL_FIELDS = ["deletePolicy"] as const;

export function diffOffer(id: string, olds: Partial<OfferState>, news: CheckedOffer): OfferDiff {
  // State written by an older provider version may predate a default: normalise it like new inputs.
  const before = normalizeOffer(olds as Record<string, unknown>);
  const changed: string[] = [];
  for (const field of [...AFFISE_FIELDS, ...LOCAL_FIELDS]) {
    if (!sameValue(field, before[field], news[field])) changed.push(field);
  }
  const replaces = adoptsAnotherOffer(id, news) ? ["adoptId"] : [];
  return {
    changes: changed.length > 0 || replaces.length > 0,
    replaces,
    deleteBeforeReplace: false,
    changed: [...changed, ...replaces],
    affiseChanged: changed.some((field) => (AFFISE_FIELDS as readonly string[]).includes(field)),
  };
}

/**
 * `adoptId` only matters at create. Afterwards, naming a different offer means "manage that one
 * instead": a replace (adopt the new one, then delete or stop the old one per deletePolicy).
 * Removing it, or naming the offer already managed, changes nothing.
 */
function adoptsAnotherOffer(id: string, news: CheckedOffer): boolean {
  if (news.adoptId === undefined) return false;
  return containsUnknown(news.adoptId) || String(news.adoptId) !== String(id);
}

function sameValue(field: string, before: unknown, after: unknown): boolean {
  if (containsUnknown(after)) return false;
  if (field === "payments" || field === "partnerPayments") {
    return samePayments(before as never[], after as never[]);
  }
  return JSON.stringify(before ?? null) === JSON.stringify(after ?? null);
}

function samePayments(
  before: Parameters<typeof paymentKey>[0][],
  after: Parameters<typeof paymentKey>[0][],
): boolean {
  const keys = (list: Parameters<typeof paymentKey>[0][]) => list.map(paymentKey).sort();
  return JSON.stringify(keys(before ?? [])) === JSON.stringify(keys(after ?? []));
}
