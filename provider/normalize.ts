/**
 * Canonical form of validated inputs. The engine's preview diff compares old and new *checked*
 * inputs, so everything that is the same offer to Affise must normalise to the same value here:
 * codes in one case, lists sorted and de-duplicated, numbers as numbers, defaults written out.
 */
import { canonicalApiUrl } from "./tenant-url";
import {
  canonicalJson,
  keepUnknown,
  normalizeCap,
  normalizeLanding,
  normalizeTargetingGroup,
  numberSet,
  sortCanonically,
  textSet,
} from "./normalize-delivery";
import { SUB_KEYS } from "./schema";
import type {
  CheckedOffer,
  CheckedPartnerPayment,
  CheckedPayment,
  DeletePolicy,
  Device,
  HoldType,
  OfferStatus,
  PaymentType,
  PrivacyLevel,
} from "./types";
import { containsUnknown, isUnknown } from "./unknowns";

/** The goal value a payment gets when none is declared: "1", as in every Affise example. */
export const DEFAULT_GOAL = "1";

/** Defaults written out by `check`, so the preview shows what Affise will be told. */
export const DEFAULTS = {
  deletePolicy: "delete" as DeletePolicy,
  /** Affise's own default for a new offer. */
  status: "stopped" as OfferStatus,
  privacy: "public" as PrivacyLevel,
  holdPeriod: 0,
  holdType: "days" as HoldType,
  isTop: false,
  isCpi: false,
};

/**
 * Fields managed only while declared (see CheckedOffer), each with its canonical form. Mapping
 * to and from Affise lives in encoding.ts and read-model.ts.
 */
export const OPTIONAL_FIELDS = {
  description: (v: unknown) => languageTexts(v),
  kpi: (v: unknown) => languageTexts(v),
  notes: (v: unknown) => String(v),
  tags: (v: unknown) => textSet(v),
  categories: (v: unknown) => textSet(v),
  urlPreview: (v: unknown) => String(v).trim(),
  trafficbackUrl: (v: unknown) => String(v).trim(),
  startAt: (v: unknown) => (/^\d{4}-\d{2}-\d{2}$/.test(String(v)) ? `${v} 00:00:00` : String(v)),
  stopDate: (v: unknown) => String(v).slice(0, 10),
  caps: (v: unknown) => sortCanonically((v as Raw[]).map(normalizeCap)),
  landings: (v: unknown) => sortCanonically((v as Raw[]).map(normalizeLanding)),
  targeting: (v: unknown) => sortCanonically((v as Raw[]).map(normalizeTargetingGroup)),
  enabledAffiliates: (v: unknown) => numberSet(v),
  apiUrl: (v: unknown) => canonicalApiUrl(String(v)),
  apiKey: (v: unknown) => String(v),
} as const;

export type OptionalField = keyof typeof OPTIONAL_FIELDS;

type Raw = Record<string, unknown>;

export function normalizeOffer(raw: Raw): CheckedOffer {
  const text = (v: unknown) => String(v).trim();
  const offer: CheckedOffer = {
    title: keepUnknown(raw.title, text),
    advertiser: keepUnknown(raw.advertiser, (v) => String(v).toLowerCase()),
    url: keepUnknown(raw.url, text),
    payments: keepUnknown(raw.payments, (list) =>
      sortPayments((list as Raw[]).map(normalizePayment)),
    ),
    partnerPayments: keepUnknown(raw.partnerPayments ?? [], (list) =>
      sortPayments((list as Raw[]).map(normalizePartnerPayment)),
    ),
    deletePolicy: keepUnknown(raw.deletePolicy ?? DEFAULTS.deletePolicy, (v) => v as DeletePolicy),
    status: keepUnknown(raw.status ?? DEFAULTS.status, (v) => v as OfferStatus),
    privacy: keepUnknown(raw.privacy ?? DEFAULTS.privacy, (v) => v as PrivacyLevel),
    holdPeriod: keepUnknown(raw.holdPeriod ?? DEFAULTS.holdPeriod, Number),
    holdType: keepUnknown(raw.holdType ?? DEFAULTS.holdType, (v) => v as HoldType),
    isTop: keepUnknown(raw.isTop ?? DEFAULTS.isTop, Boolean),
    isCpi: keepUnknown(raw.isCpi ?? DEFAULTS.isCpi, Boolean),
  };
  if (raw.externalOfferId !== undefined) {
    offer.externalOfferId = keepUnknown(raw.externalOfferId, text);
  }
  if (raw.adoptId !== undefined) offer.adoptId = keepUnknown(raw.adoptId, Number);
  if (raw.resourceName !== undefined) offer.resourceName = String(raw.resourceName);
  if (raw.stackToken !== undefined) offer.stackToken = keepUnknown(raw.stackToken, String);
  for (const [field, normalise] of Object.entries(OPTIONAL_FIELDS)) {
    const value = raw[field];
    if (value === undefined || value === null) continue;
    (offer as unknown as Raw)[field] = containsUnknown(value) ? value : normalise(value);
  }
  return offer;
}

export function normalizePayment(raw: Raw): CheckedPayment {
  if (isUnknown(raw)) return raw as unknown as CheckedPayment;
  const payment: CheckedPayment = {
    countries: textSet(raw.countries, (c) => c.toUpperCase()),
    countryExclude: keepUnknown(raw.countryExclude ?? false, Boolean),
    cities: numberSet(raw.cities),
    devices: textSet(raw.devices, (d) => d.toLowerCase()) as Device[],
    os: textSet(raw.os),
    goal: keepUnknown(raw.goal ?? DEFAULT_GOAL, (v) => String(v).trim()),
    total: keepUnknown(raw.total, Number),
    revenue: keepUnknown(raw.revenue, Number),
    currency: keepUnknown(raw.currency, (v) => String(v).toUpperCase()),
    type: raw.type as PaymentType,
  };
  for (const key of ["title", ...SUB_KEYS] as const) {
    const value = raw[key];
    if (value !== undefined && value !== null && value !== "") payment[key] = value as string;
  }
  return payment;
}

export function normalizePartnerPayment(raw: Raw): CheckedPartnerPayment {
  if (isUnknown(raw)) return raw as unknown as CheckedPartnerPayment;
  return { ...normalizePayment(raw), partners: numberSet(raw.partners) };
}

/**
 * Payments are a set to Affise (a conversion takes the payment whose conditions match it, not the
 * first in a list), so their order in a declaration is not a change: sort them canonically.
 */
export function sortPayments<T extends CheckedPayment>(payments: T[]): T[] {
  return sortCanonically(payments);
}

/** A payment's identity for sorting and duplicate detection (its Affise id excluded). */
export function paymentKey(payment: CheckedPayment & { id?: string }): string {
  return canonicalJson(payment);
}

/** Affise returns every tenant language, "" where unset: an empty text is no text. */
function languageTexts(value: unknown): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [language, text] of Object.entries((value ?? {}) as Raw).sort()) {
    if (text !== undefined && text !== null && String(text) !== "") texts[language] = String(text);
  }
  return texts;
}
