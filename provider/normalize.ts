/**
 * Canonical form of validated inputs. The engine's preview diff compares old and new *checked*
 * inputs, so everything that is the same offer to Affise must normalise to the same value here:
 * codes in one case, lists sorted and de-duplicated, numbers as numbers, defaults written out.
 */
import { SUB_KEYS } from "./schema";
import type {
  CheckedOffer,
  CheckedPartnerPayment,
  CheckedPayment,
  DeletePolicy,
  Device,
  PaymentType,
} from "./types";
import { containsUnknown, isUnknown } from "./unknowns";

/** Goal "1" is Affise's default goal (`/3.0/goals` → `{id: 1, title: "Default"}`). */
export const DEFAULT_GOAL = "1";
export const DEFAULT_DELETE_POLICY: DeletePolicy = "delete";

type Raw = Record<string, unknown>;

export function normalizeOffer(raw: Raw): CheckedOffer {
  const offer: CheckedOffer = {
    title: keepUnknown(raw.title, (v) => String(v).trim()),
    advertiser: keepUnknown(raw.advertiser, (v) => String(v).toLowerCase()),
    url: keepUnknown(raw.url, (v) => String(v).trim()),
    payments: keepUnknown(raw.payments, (list) =>
      sortPayments((list as Raw[]).map(normalizePayment)),
    ),
    partnerPayments: keepUnknown(raw.partnerPayments ?? [], (list) =>
      sortPayments((list as Raw[]).map(normalizePartnerPayment)),
    ),
    deletePolicy: keepUnknown(raw.deletePolicy ?? DEFAULT_DELETE_POLICY, (v) => v as DeletePolicy),
  };
  if (raw.externalOfferId !== undefined) {
    offer.externalOfferId = keepUnknown(raw.externalOfferId, (v) => String(v).trim());
  }
  if (raw.adoptId !== undefined) offer.adoptId = keepUnknown(raw.adoptId, Number);
  if (raw.resourceName !== undefined) offer.resourceName = String(raw.resourceName);
  return offer;
}

export function normalizePayment(raw: Raw): CheckedPayment {
  if (isUnknown(raw)) return raw as unknown as CheckedPayment;
  const payment: CheckedPayment = {
    countries: codeList(raw.countries, (c) => c.toUpperCase()),
    countryExclude: keepUnknown(raw.countryExclude ?? false, Boolean),
    cities: numberList(raw.cities),
    devices: codeList(raw.devices, (d) => d.toLowerCase()) as Device[],
    os: codeList(raw.os, (o) => o.trim()),
    goal: keepUnknown(raw.goal ?? DEFAULT_GOAL, (v) => String(v).trim()),
    total: keepUnknown(raw.total, Number),
    revenue: keepUnknown(raw.revenue, Number),
    currency: keepUnknown(raw.currency, (v) => String(v).toUpperCase()),
    type: raw.type as PaymentType,
  };
  for (const key of ["title", ...SUB_KEYS] as const) {
    const value = raw[key];
    if (value !== undefined && value !== "") payment[key] = value as string;
  }
  return payment;
}

export function normalizePartnerPayment(raw: Raw): CheckedPartnerPayment {
  if (isUnknown(raw)) return raw as unknown as CheckedPartnerPayment;
  return { ...normalizePayment(raw), partners: numberList(raw.partners) };
}

/**
 * Payments are a set to Affise (a conversion takes the payment whose conditions match it, not the
 * first in a list), so their order in a declaration is not a change: sort them canonically.
 */
export function sortPayments<T extends CheckedPayment>(payments: T[]): T[] {
  if (payments.some(containsUnknown)) return payments;
  return [...payments].sort((a, b) => compareText(paymentKey(a), paymentKey(b)));
}

/** A payment's identity for sorting and duplicate detection (its Affise id excluded). */
export function paymentKey(payment: CheckedPayment & { id?: string }): string {
  const { id: _id, ...rest } = payment;
  return JSON.stringify(rest, Object.keys(rest).sort());
}

function codeList(value: unknown, canonical: (code: string) => string): string[] {
  if (value === undefined || value === null) return [];
  if (containsUnknown(value)) return value as string[];
  return [...new Set((value as unknown[]).map((v) => canonical(String(v))))].sort(compareText);
}

function numberList(value: unknown): number[] {
  if (value === undefined || value === null) return [];
  if (containsUnknown(value)) return value as number[];
  return [...new Set((value as unknown[]).map(Number))].sort((a, b) => a - b);
}

function keepUnknown<T>(value: unknown, normalise: (value: unknown) => T): T {
  return isUnknown(value) ? (value as T) : normalise(value);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
