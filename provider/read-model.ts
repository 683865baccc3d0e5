/**
 * Affise's read model → the provider's state. Affise answers in its own shape (lowercase codes,
 * booleans for 0/1 flags, cities as objects, numbers for amounts); mapping it back through the same
 * normalisation `check` uses is what lets a refresh show real drift and nothing else.
 */
import { z } from "zod";
import { normalizePartnerPayment, normalizePayment, sortPayments } from "./normalize";
import { SUB_KEYS } from "./schema";
import type { CheckedOffer, OfferState, StoredPartnerPayment, StoredPayment } from "./types";

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

export const affiseOffer = z.looseObject({
  id: z.union([z.number(), z.string()]).transform(String),
  offer_id: z.string().optional().nullable(),
  title: z.string(),
  advertiser: idOf.transform((v) => (typeof v === "object" ? String(v.id) : String(v))),
  url: z.string().nullable().optional(),
  external_offer_id: optionalText,
  payments: list(affisePayment).optional(),
  partner_payments: list(affisePayment).optional(),
});

export type AffiseOffer = z.output<typeof affiseOffer>;
type AffisePayment = z.output<typeof affisePayment>;

/** Inputs that live only in Pulumi (Affise has no field for them); carried over from the old state. */
export type LocalInputs = Pick<CheckedOffer, "deletePolicy" | "adoptId" | "resourceName">;

export function parseAffiseOffer(data: unknown): AffiseOffer {
  return affiseOffer.parse(data);
}

export function stateFromAffise(offer: AffiseOffer, local: LocalInputs): OfferState {
  const state: OfferState = {
    title: offer.title,
    advertiser: offer.advertiser.toLowerCase(),
    url: offer.url ?? "",
    payments: sortPayments((offer.payments ?? []).map(toStoredPayment)),
    partnerPayments: sortPayments((offer.partner_payments ?? []).map(toStoredPartnerPayment)),
    deletePolicy: local.deletePolicy,
    offerId: offer.offer_id ?? "",
  };
  const external = offer.external_offer_id;
  if (external !== undefined && external !== null && external !== "")
    state.externalOfferId = String(external);
  if (local.adoptId !== undefined) state.adoptId = local.adoptId;
  if (local.resourceName !== undefined) state.resourceName = local.resourceName;
  return state;
}

/** The declared part of a state, as `check` would have produced it: what `read` reports as inputs. */
export function inputsFromState(state: OfferState): CheckedOffer {
  const { offerId: _offerId, ...rest } = state;
  return {
    ...rest,
    payments: state.payments.map(({ id: _id, ...payment }) => payment),
    partnerPayments: state.partnerPayments.map(({ id: _id, ...payment }) => payment),
  };
}

function toStoredPayment(payment: AffisePayment): StoredPayment {
  return withId(normalizePayment(asInput(payment)), payment.id);
}

function toStoredPartnerPayment(payment: AffisePayment): StoredPartnerPayment {
  return withId(
    normalizePartnerPayment({ ...asInput(payment), partners: payment.partners ?? [] }),
    payment.id,
  );
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

function withId<T extends object>(
  payment: T,
  id: string | number | null | undefined,
): T & { id?: string } {
  return id === undefined || id === null ? payment : { ...payment, id: String(id) };
}
