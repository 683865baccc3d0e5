import type { FormFields } from "../http/form";
import { OFFER_STATUSES, type OfferStatus, type StoredOffer } from "../model";
import { Issues } from "../validation/issues";
import { readEnum, readInteger, readStringList, readText } from "../validation/values";
import { pageOf, readPaging } from "./paging";

const PRIVACY_CODES: Record<string, StoredOffer["privacy"]> = {
  "0": "public",
  "1": "protected",
  "2": "private",
};

/**
 * Filters, sorts and pages offers the way `GET /3.0/offers` does. Without `status[]` only
 * active offers are listed; `limit` above 500 is silently capped at 500 (check `per_page`).
 */
export function listOffers(
  query: FormFields,
  offers: readonly Readonly<StoredOffer>[],
): ReturnType<typeof pageOf<Readonly<StoredOffer>>> {
  const issues = new Issues();
  const filters = readFilters(query, issues);
  const order = readOrder(query.sort, issues);
  issues.throwIfAny();
  const paging = readPaging(query, { defaultLimit: 100, maxLimit: 500 });
  const matching = offers.filter((offer) => filters.every((matches) => matches(offer))).sort(order);
  return pageOf(matching, paging);
}

type Filter = (offer: StoredOffer) => boolean;

function readFilters(query: FormFields, issues: Issues): Filter[] {
  const filters: Filter[] = [];
  const statuses = query.status === undefined ? ["active"] : readStatuses(query.status, issues);
  filters.push((offer) => statuses.includes(offer.status));
  if (query.q !== undefined) {
    const q = (readText(query.q, "q", issues) ?? "").trim().toLowerCase();
    // `q` searches titles and ids; there is no dedicated title filter.
    if (q !== "")
      filters.push((offer) => offer.title.toLowerCase().includes(q) || String(offer.id) === q);
  }
  if (query.int_id !== undefined) {
    const ids = (readStringList(query.int_id, "int_id", issues) ?? []).map((entry) =>
      readInteger(entry.value, entry.path, issues),
    );
    filters.push((offer) => ids.includes(offer.id));
  }
  if (query.advertiser !== undefined) {
    const advertisers = (readStringList(query.advertiser, "advertiser", issues) ?? []).map(
      (e) => e.value,
    );
    filters.push((offer) => advertisers.includes(offer.advertiser));
  }
  if (query.external_offer_id !== undefined) {
    const external = readText(query.external_offer_id, "external_offer_id", issues);
    filters.push((offer) => offer.externalOfferId === external);
  }
  if (query.privacy !== undefined) {
    const levels = (readStringList(query.privacy, "privacy", issues) ?? []).map((entry) =>
      readEnum(entry.value, Object.keys(PRIVACY_CODES), entry.path, issues),
    );
    filters.push((offer) =>
      levels.some((code) => code !== undefined && PRIVACY_CODES[code] === offer.privacy),
    );
  }
  return filters;
}

function readStatuses(value: unknown, issues: Issues): OfferStatus[] {
  const statuses: OfferStatus[] = [];
  for (const entry of readStringList(value, "status", issues) ?? []) {
    const status = readEnum(entry.value, OFFER_STATUSES, entry.path, issues);
    if (status) statuses.push(status);
  }
  return statuses;
}

// Affise's sortable fields. The emulator has no traffic, so cr, epc, revenue and caps are all
// equal and those orders fall back to id.
const SORT_FIELDS = [
  "id",
  "title",
  "cr",
  "epc",
  "is_top",
  "created",
  "revenue",
  "daily_cap",
  "total_cap",
];

/** `sort[<field>]=asc|desc`; by id ascending when not given. */
function readOrder(value: unknown, issues: Issues): (a: StoredOffer, b: StoredOffer) => number {
  const byId = (a: StoredOffer, b: StoredOffer) => a.id - b.id;
  if (value === undefined) return byId;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    issues.add("sort", "must be sort[<field>]=asc|desc");
    return byId;
  }
  const [field, direction] = Object.entries(value)[0] ?? ["id", "asc"];
  const sign =
    readEnum(direction, ["asc", "desc"] as const, `sort[${field}]`, issues) === "desc" ? -1 : 1;
  if (!SORT_FIELDS.includes(field)) {
    issues.add("sort", `cannot sort by '${field}' (allowed: ${SORT_FIELDS.join(", ")})`);
    return byId;
  }
  const keys: Record<string, (offer: StoredOffer) => string | number> = {
    title: (offer) => offer.title,
    is_top: (offer) => (offer.isTop ? 1 : 0),
    created: (offer) => offer.createdAt,
  };
  const key = keys[field] ?? ((offer: StoredOffer) => offer.id);
  return (a, b) => sign * compare(key(a), key(b)) || byId(a, b);
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}
