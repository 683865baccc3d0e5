/**
 * `diff`: old state against new checked inputs, both normalised. Everything Affise can edit in
 * place is an update; nothing about an offer's payments, caps, landings or targeting forces a
 * replace. Two things do: a changed `adoptId` (manage a different Affise offer) and a changed
 * `apiUrl` (the offer belongs to another Affise tenant, which cannot be edited into this one).
 */
import { isDeepStrictEqual } from "util";
import { canonicalJson, sameCanonical } from "./canonical";
import { FORM_FIELDS, named, NO_REQUEST_FIELDS } from "./fields/table";
import { normalizeOffer } from "./normalize";
import type { CheckedOffer, OfferState } from "./types";
import { sameTenant } from "./affise/tenant-url";
import { containsUnknown } from "./unknowns";

export interface OfferDiff {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
  /** Inputs that differ, for messages and tests (the host does not pass these on). */
  changed: string[];
  /** Fields sent in one edit request (POST /3.0/admin/offer/{id}) that changed. */
  affiseChanged: string[];
  /** Whether the affiliates with access changed (enable/disable requests, one per affiliate). */
  affiliatesChanged: boolean;
}

/** Fields Affise stores on the offer; a change to any of them is one edit request. */
export const AFFISE_FIELDS = FORM_FIELDS;

/** Fields changed by requests of their own (affiliate access). */
const ACCESS_FIELDS = named((field) => field.sent === "access requests");

/** What is compared; a field whose change means another offer is decided apart (a replace). */
const COMPARED = named((field) => field.sent !== "never" || field.change !== "replace");

export function diffOffer(
  id: string,
  olds: Partial<OfferState>,
  news: CheckedOffer,
  stackApiUrl?: string,
): OfferDiff {
  const replaces = [
    ...(adoptsAnotherOffer(id, news) ? ["adoptId"] : []),
    ...(movesTenant(olds, news, stackApiUrl) ? ["apiUrl"] : []),
  ];
  // State this version wrote is already canonical: when it equals the new inputs field for field,
  // that settles it (the no-op preview, for every offer) without normalising it again.
  if (replaces.length === 0 && sameCompared(olds, news)) {
    return {
      changes: false,
      replaces,
      deleteBeforeReplace: false,
      changed: [],
      affiseChanged: [],
      affiliatesChanged: false,
    };
  }
  // State written by an older provider version may predate a default: normalise it like new inputs.
  const before = normalizeOffer(olds as Record<string, unknown>) as unknown as Record<
    string,
    unknown
  >;
  const after = news as unknown as Record<string, unknown>;
  const differs = (field: string) => !sameValue(before[field], after[field]);
  const affiseChanged = AFFISE_FIELDS.filter(differs);
  const accessChanged = ACCESS_FIELDS.filter(differs);
  const changed = [
    ...affiseChanged,
    ...accessChanged,
    ...NO_REQUEST_FIELDS.filter(differs),
    ...replaces,
  ];
  return {
    changes: changed.length > 0,
    replaces,
    deleteBeforeReplace: false,
    changed,
    affiseChanged,
    affiliatesChanged: accessChanged.length > 0,
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

/**
 * The offer moves when the account it would live in differs from the one it lives in: its own
 * apiUrl, else the stack's (`stackApiUrl`, when known). Naming the account it already lives in
 * explicitly moves nothing.
 */
function movesTenant(olds: Partial<OfferState>, news: CheckedOffer, stackApiUrl?: string): boolean {
  if (containsUnknown(news.apiUrl)) return true;
  const livesIn = olds.apiUrl ?? olds.tenantUrl ?? stackApiUrl;
  const wouldLiveIn = news.apiUrl ?? stackApiUrl ?? (olds.apiUrl ? undefined : olds.tenantUrl);
  if (livesIn === undefined || wouldLiveIn === undefined) {
    return (olds.apiUrl ?? null) !== (news.apiUrl ?? null);
  }
  return !sameTenant(livesIn, wouldLiveIn);
}

/** State never holds a preview's unknown value, so an unknown in `news` is never the same. */
function sameCompared(olds: Partial<OfferState>, news: CheckedOffer): boolean {
  const before = olds as Record<string, unknown>;
  const after = news as unknown as Record<string, unknown>;
  return COMPARED.every((field) => sameCanonical(before[field] ?? null, after[field] ?? null));
}

/** Lists are compared as sets of canonical items, ids aside: their order means nothing to Affise. */
function sameValue(before: unknown, after: unknown): boolean {
  if (containsUnknown(after)) return false;
  if (Array.isArray(before) && Array.isArray(after)) {
    const keys = (list: unknown[]) => list.map(canonicalJson).sort();
    return isDeepStrictEqual(keys(before), keys(after));
  }
  return sameCanonical(before ?? null, after ?? null);
}
