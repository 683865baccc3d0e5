/**
 * Affise's read model → the provider's state. Affise answers in its own shape (codes in either
 * case, booleans for 0/1 flags, cities as objects, numbers for amounts, PHP's ways of writing an
 * empty or gapped list); mapping it back through the same normalisation `check` uses is what
 * lets a refresh show real drift and nothing else.
 *
 * The reading is tolerant: only fields the provider manages are read at all (an odd shape in any
 * other field never fails a read), and a managed field in an unexpected shape is normalised
 * where the meaning is clear, else reported in one sentence naming the field and the shape seen.
 */
import {
  normalizeOffer,
  normalizePartnerPayment,
  normalizePayment,
  OPTIONAL_FIELDS,
  type OptionalField,
} from "./normalize";
import { normalizeLanding, normalizeTargetingGroup, sortCanonically } from "./normalize-delivery";
import {
  capAsInput,
  landingAsInput,
  readItems,
  targetingGroupAsInput,
} from "./read-model-delivery";
import {
  isRecord,
  type Raw,
  readFlag,
  readId,
  readLanguageTexts,
  readNumber,
  readOptionalNumber,
  readText,
  readTexts,
  ReadShapeError,
  shapeOf,
} from "./read-values";
import { SUB_KEYS } from "./schema";
import type { CheckedOffer, OfferState } from "./types";

/** An offer as Affise answered it: its id checked, every other field still Affise's own. */
export interface AffiseOffer {
  readonly id: string;
  readonly offer_id: string;
  readonly external_offer_id: string;
  readonly [field: string]: unknown;
}

/** The answer is the affiliate view of an offer: the key is an affiliate's, not an admin's. */
export class NotAdminKeyError extends Error {
  constructor() {
    super(
      "this key is not an admin key: Affise answered with the affiliate view of the offer " +
        "(no advertiser, no payment totals); use the API key of an admin user",
    );
    this.name = "NotAdminKeyError";
  }
}

/** Inputs that live only in Pulumi (Affise has no field for them); carried over from the old state. */
const LOCAL_INPUTS = [
  "deletePolicy",
  "adoptId",
  "resourceName",
  "stackToken",
  "apiUrl",
  "apiKey",
] as const;

export function parseAffiseOffer(data: unknown): AffiseOffer {
  if (!isRecord(data)) throw new ReadShapeError("the offer", shapeOf(data), "an offer object");
  const id = data.id;
  if (!(typeof id === "number" || (typeof id === "string" && /^\d+$/.test(id))))
    throw new ReadShapeError("the offer's id", shapeOf(id), "an integer id");
  if (isAffiliateView(data)) throw new NotAdminKeyError();
  const text = (value: unknown) =>
    typeof value === "string" || typeof value === "number" ? String(value) : "";
  return {
    ...data,
    id: String(id),
    offer_id: text(data.offer_id),
    external_offer_id: text(data.external_offer_id),
  };
}

/** Admins see `advertiser` and every payment's `total`; affiliates see neither. */
function isAffiliateView(offer: Raw): boolean {
  if ("advertiser" in offer) return false;
  const payments = Array.isArray(offer.payments) ? offer.payments : [];
  return payments.every((payment) => !isRecord(payment) || !("total" in payment));
}

/**
 * The state for an offer as Affise holds it. `previous` (the old state or the declared inputs)
 * gives the provider-only inputs and which optional fields are managed: only those are read.
 * `enabledAffiliates` comes from its own endpoint, read only when managed.
 */
export function stateFromAffise(
  offer: AffiseOffer,
  previous: Partial<CheckedOffer>,
  enabledAffiliates?: number[],
): OfferState {
  const managed = (Object.keys(OPTIONAL_FIELDS) as OptionalField[]).filter(
    (field) =>
      previous[field] !== undefined && !(LOCAL_INPUTS as readonly string[]).includes(field),
  );
  const read = normalizeOffer(offerAsInput(offer, managed, enabledAffiliates));
  const state: OfferState = {
    title: read.title,
    advertiser: read.advertiser,
    url: read.url,
    payments: withIds(readItems(offer.payments, "payments", paymentAsInput), normalizePayment),
    partnerPayments: withIds(
      readItems(offer.partner_payments, "partner_payments", partnerPaymentAsInput),
      normalizePartnerPayment,
    ),
    deletePolicy: previous.deletePolicy ?? read.deletePolicy,
    status: read.status,
    privacy: read.privacy,
    holdPeriod: read.holdPeriod,
    holdType: read.holdType,
    isTop: read.isTop,
    isCpi: read.isCpi,
    offerId: offer.offer_id,
  };
  if (read.externalOfferId) state.externalOfferId = read.externalOfferId;
  for (const key of LOCAL_INPUTS) {
    if (previous[key] !== undefined)
      (state as unknown as Record<string, unknown>)[key] = previous[key];
  }
  for (const field of managed) {
    const value =
      field === "landings"
        ? withIds(readItems(offer.landings, "landings", landingAsInput), normalizeLanding, Number)
        : field === "targeting"
          ? withIds(
              readItems(offer.targeting, "targeting", targetingGroupAsInput),
              normalizeTargetingGroup,
            )
          : (read[field] ?? emptyOf(field));
    (state as unknown as Record<string, unknown>)[field] = value;
  }
  return state;
}

/** The declared part of a state, as `check` would have produced it: what `read` reports as inputs. */
export function inputsFromState(state: OfferState): CheckedOffer {
  const { offerId: _offerId, tenantUrl: _tenantUrl, ...rest } = state;
  const inputs: CheckedOffer = {
    ...rest,
    payments: state.payments.map(withoutId),
    partnerPayments: state.partnerPayments.map(withoutId),
    landings: state.landings?.map(withoutId),
    targeting: state.targeting?.map(withoutId),
  };
  if (inputs.landings === undefined) delete inputs.landings;
  if (inputs.targeting === undefined) delete inputs.targeting;
  return inputs;
}

/** Affise's offer in the input shape, for normalizeOffer: the fields always managed, and `managed`. */
function offerAsInput(offer: AffiseOffer, managed: OptionalField[], enabledAffiliates?: number[]) {
  const privacy = readText(offer.privacy, "privacy");
  const input: Raw = {
    title: readText(offer.title, "title"),
    advertiser: offer.advertiser === undefined ? "" : readId(offer.advertiser, "advertiser"),
    url: readText(offer.url, "url"),
    payments: [],
    externalOfferId: offer.external_offer_id || undefined,
    status: readText(offer.status, "status") || undefined,
    privacy: privacy === "premoderated" ? "protected" : privacy || undefined,
    holdPeriod: readOptionalNumber(offer.hold_period, "hold_period", 0),
    holdType: readText(offer.hold_type, "hold_type") || undefined,
    isTop: readFlag(offer.is_top, "is_top"),
    isCpi: readFlag(offer.is_cpi, "is_cpi"),
  };
  const readers = optionalFieldReaders(offer, enabledAffiliates);
  for (const field of managed) {
    if (field !== "landings" && field !== "targeting") input[field] = readers[field]();
  }
  return input;
}

/** One reader per optional field; undefined means "Affise has none" (read as the empty form). */
function optionalFieldReaders(
  offer: AffiseOffer,
  enabledAffiliates?: number[],
): Record<Exclude<OptionalField, "landings" | "targeting">, () => unknown> {
  return {
    description: () => readLanguageTexts(offer.description_lang, "description_lang"),
    kpi: () => readLanguageTexts(offer.kpi, "kpi"),
    notes: () => readText(offer.notes, "notes"),
    tags: () => readTexts(offer.tags, "tags"),
    // full_categories has the ids; `categories` alone holds titles on some tenants.
    categories: () =>
      offer.full_categories === undefined || offer.full_categories === null
        ? readTexts(offer.categories, "categories")
        : readItems(offer.full_categories, "full_categories", readId),
    urlPreview: () =>
      readText(offer.url_preview, "url_preview") || readText(offer.preview_url, "preview_url"),
    trafficbackUrl: () => readText(offer.trafficback_url, "trafficback_url"),
    startAt: () => readText(offer.start_at, "start_at") || undefined,
    stopDate: () => readText(offer.stop_at, "stop_at") || undefined,
    caps: () => readItems(offer.caps, "caps", capAsInput),
    enabledAffiliates: () => enabledAffiliates,
    apiUrl: () => undefined,
    apiKey: () => undefined,
  };
}

/** A payment in the input shape, with Affise's id kept aside under `id`. */
function paymentAsInput(value: unknown, field: string): Raw {
  if (!isRecord(value)) throw new ReadShapeError(field, shapeOf(value), "a payment");
  const at = (key: string) => `${field}.${key}`;
  const goal = readText(value.goal, at("goal"));
  const input: Raw = {
    id: value.id === undefined || value.id === null ? undefined : readId(value.id, at("id")),
    countries: readTexts(value.countries, at("countries")),
    countryExclude: readFlag(value.country_exclude, at("country_exclude")),
    cities: readItems(value.cities, at("cities"), readId).map(Number),
    devices: readTexts(value.devices, at("devices")),
    os: readTexts(value.os, at("os")),
    goal: goal === "" ? undefined : goal,
    total: readNumber(value.total, at("total")),
    revenue: readNumber(value.revenue, at("revenue")),
    currency: readText(value.currency, at("currency")),
    type: readText(value.type, at("type")),
  };
  const title = readText(value.title, at("title"));
  if (title !== "") input.title = title;
  for (const key of SUB_KEYS) {
    // Sub values are comma-separated text to write; some tenants read them back as a list.
    const sub = readTexts(value[key], at(key)).join(",");
    if (sub !== "") input[key] = sub;
  }
  return input;
}

function partnerPaymentAsInput(value: unknown, field: string): Raw {
  const payment = paymentAsInput(value, field);
  const partners = readTexts((value as Raw).partners, `${field}.partners`).map(Number);
  return { ...payment, partners };
}

/** A cleared optional field reads back as its empty form, not as "not managed". */
function emptyOf(field: OptionalField): unknown {
  if (field === "description" || field === "kpi") return {};
  if (field === "notes" || field === "urlPreview" || field === "trafficbackUrl") return "";
  if (field === "startAt" || field === "stopDate") return "";
  return [];
}

/** Normalises each item, keeps Affise's id on it, and sorts canonically. */
function withIds<N extends object, I = string>(
  items: Raw[],
  normalise: (item: Raw) => N,
  idType: (id: unknown) => I = String as unknown as (id: unknown) => I,
): (N & { id?: I })[] {
  const mapped = items.map((item) => {
    const normalised = normalise(item);
    return item.id === undefined || item.id === null
      ? normalised
      : { ...normalised, id: idType(item.id) };
  });
  return sortCanonically(mapped);
}

function withoutId<T extends { id?: unknown }>(item: T): Omit<T, "id"> {
  const { id: _id, ...rest } = item;
  return rest;
}
