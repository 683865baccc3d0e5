/**
 * Affise's read model → the provider's state. Affise answers in its own shape (lowercase codes,
 * booleans for 0/1 flags, cities as objects, numbers for amounts); mapping it back through the same
 * normalisation `check` uses is what lets a refresh show real drift and nothing else.
 */
import { z } from "zod";
import {
  normalizeOffer,
  normalizePartnerPayment,
  normalizePayment,
  OPTIONAL_FIELDS,
  type OptionalField,
} from "./normalize";
import { normalizeLanding, normalizeTargetingGroup, sortCanonically } from "./normalize-delivery";
import {
  affiseCap,
  affiseLanding,
  affiseTargetingGroup,
  capAsInput,
  landingAsInput,
  targetingGroupAsInput,
} from "./read-model-delivery";
import { SUB_KEYS } from "./schema";
import type { CheckedOffer, OfferState } from "./types";

const text = z.union([z.string(), z.number()]).transform(String);
const optionalText = z.union([z.string(), z.number(), z.null()]).optional();
const flag = z
  .union([z.boolean(), z.number(), z.string()])
  .transform((v) => v === true || Number(v) === 1);
const idOf = z.union([
  z.number(),
  z.string(),
  z.looseObject({ id: z.union([z.number(), z.string()]) }),
]);
const list = <T extends z.ZodType>(item: T) =>
  z
    .union([z.array(item), z.null(), z.literal(""), z.string()])
    .transform((v): z.output<T>[] =>
      Array.isArray(v) ? v : typeof v === "string" && v !== "" ? [v as z.output<T>] : [],
    );

const affisePayment = z.looseObject({
  id: z.union([z.string(), z.number()]).optional().nullable(),
  title: optionalText,
  countries: list(z.string()).optional(),
  country_exclude: flag.optional(),
  cities: list(idOf).optional(),
  devices: list(z.string()).optional(),
  os: list(z.string()).optional(),
  goal: text.optional().nullable(),
  total: z.union([z.number(), z.string()]),
  revenue: z.union([z.number(), z.string()]),
  currency: z.string(),
  type: z.string(),
  partners: list(z.union([z.number(), z.string()])).optional(),
  ...Object.fromEntries(SUB_KEYS.map((key) => [key, optionalText])),
});

const languageTexts = z
  .union([z.record(z.string(), z.union([z.string(), z.null()])), z.array(z.unknown()), z.null()])
  .transform((v) => (Array.isArray(v) || v === null ? {} : v));
const category = z.union([
  z.string(),
  z.number(),
  z.looseObject({ id: z.union([z.string(), z.number()]) }),
]);

export const affiseOffer = z.looseObject({
  id: z.union([z.number(), z.string()]).transform(String),
  offer_id: z.string().optional().nullable(),
  title: z.string(),
  advertiser: idOf.transform((v) => (typeof v === "object" ? String(v.id) : String(v))),
  url: z.string().nullable().optional(),
  external_offer_id: optionalText,
  payments: list(affisePayment).optional(),
  partner_payments: list(affisePayment).optional(),
  status: z.string().optional(),
  privacy: z.string().optional(),
  description_lang: languageTexts.optional(),
  kpi: languageTexts.optional(),
  notes: optionalText,
  tags: list(z.union([z.string(), z.number()])).optional(),
  full_categories: list(category).optional(),
  categories: list(category).optional(),
  url_preview: optionalText,
  preview_url: optionalText,
  trafficback_url: optionalText,
  hold_period: z.union([z.number(), z.string()]).optional().nullable(),
  hold_type: z.string().optional().nullable(),
  start_at: optionalText,
  stop_at: optionalText,
  is_top: flag.optional(),
  is_cpi: flag.optional(),
  caps: list(affiseCap).optional(),
  landings: list(affiseLanding).optional(),
  targeting: list(affiseTargetingGroup).optional(),
});

export type AffiseOffer = z.output<typeof affiseOffer>;
type AffisePayment = z.output<typeof affisePayment>;

/** Inputs that live only in Pulumi (Affise has no field for them); carried over from the old state. */
const LOCAL_INPUTS = ["deletePolicy", "adoptId", "resourceName", "apiUrl", "apiKey"] as const;

export function parseAffiseOffer(data: unknown): AffiseOffer {
  return affiseOffer.parse(data);
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
  const read = normalizeOffer(offerAsInput(offer, enabledAffiliates));
  const state: OfferState = {
    title: read.title,
    advertiser: read.advertiser,
    url: read.url,
    payments: withIds(offer.payments ?? [], (p) => normalizePayment(asInput(p))),
    partnerPayments: withIds(offer.partner_payments ?? [], (p) =>
      normalizePartnerPayment({ ...asInput(p), partners: p.partners ?? [] }),
    ),
    deletePolicy: previous.deletePolicy ?? read.deletePolicy,
    status: read.status,
    privacy: read.privacy,
    holdPeriod: read.holdPeriod,
    holdType: read.holdType,
    isTop: read.isTop,
    isCpi: read.isCpi,
    offerId: offer.offer_id ?? "",
  };
  if (read.externalOfferId) state.externalOfferId = read.externalOfferId;
  for (const key of LOCAL_INPUTS) {
    if (previous[key] !== undefined)
      (state as unknown as Record<string, unknown>)[key] = previous[key];
  }
  for (const field of Object.keys(OPTIONAL_FIELDS) as OptionalField[]) {
    if (previous[field] === undefined || (LOCAL_INPUTS as readonly string[]).includes(field))
      continue;
    const value =
      field === "landings"
        ? withIds(offer.landings ?? [], (l) => normalizeLanding(landingAsInput(l)), Number)
        : field === "targeting"
          ? withIds(offer.targeting ?? [], (g) => normalizeTargetingGroup(targetingGroupAsInput(g)))
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

/** Affise's offer in the input shape, for normalizeOffer. */
function offerAsInput(offer: AffiseOffer, enabledAffiliates?: number[]): Record<string, unknown> {
  const categories = offer.full_categories ?? offer.categories ?? [];
  const privacy = offer.privacy === "premoderated" ? "protected" : offer.privacy;
  return {
    title: offer.title,
    advertiser: offer.advertiser,
    url: offer.url ?? "",
    payments: [],
    externalOfferId: offer.external_offer_id || undefined,
    status: offer.status,
    privacy,
    holdPeriod: offer.hold_period ?? undefined,
    holdType: offer.hold_type ?? undefined,
    isTop: offer.is_top,
    isCpi: offer.is_cpi,
    description: offer.description_lang,
    kpi: offer.kpi,
    notes: offer.notes ?? "",
    tags: offer.tags,
    categories: categories.map((c) => (typeof c === "object" ? String(c.id) : String(c))),
    urlPreview: offer.url_preview || offer.preview_url || "",
    trafficbackUrl: offer.trafficback_url ?? "",
    startAt: offer.start_at || undefined,
    stopDate: offer.stop_at || undefined,
    caps: (offer.caps ?? []).map(capAsInput),
    enabledAffiliates,
  };
}

/** A cleared optional field reads back as its empty form, not as "not managed". */
function emptyOf(field: OptionalField): unknown {
  if (field === "description" || field === "kpi") return {};
  if (field === "notes" || field === "urlPreview" || field === "trafficbackUrl") return "";
  if (field === "startAt" || field === "stopDate") return "";
  return [];
}

/** Normalises each item, keeps Affise's id on it, and sorts canonically. */
function withIds<T, N extends object, I = string>(
  items: T[],
  normalise: (item: T) => N,
  idType: (id: unknown) => I = String as unknown as (id: unknown) => I,
): (N & { id?: I })[] {
  const mapped = items.map((item) => {
    const id = (item as { id?: unknown }).id;
    const normalised = normalise(item);
    return id === undefined || id === null ? normalised : { ...normalised, id: idType(id) };
  });
  return sortCanonically(mapped);
}

function withoutId<T extends { id?: unknown }>(item: T): Omit<T, "id"> {
  const { id: _id, ...rest } = item;
  return rest;
}
function asInput(payment: AffisePayment): Record<string, unknown> {
  const input: Record<string, unknown> = {
    countries: payment.countries,
    countryExclude: payment.country_exclude ?? false,
    cities: (payment.cities ?? []).map((city) => (typeof city === "object" ? city.id : city)),
    devices: payment.devices,
    os: payment.os,
    goal: payment.goal ?? undefined,
    total: payment.total,
    revenue: payment.revenue,
    currency: payment.currency,
    type: payment.type,
  };
  for (const key of ["title", ...SUB_KEYS] as const) {
    const value = (payment as Record<string, unknown>)[key];
    if (value !== undefined && value !== null && value !== "") input[key] = String(value);
  }
  return input;
}
