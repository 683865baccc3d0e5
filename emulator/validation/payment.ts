import { newUuid, UUID_PATTERN } from "../ids";
import {
  PAYMENT_TYPES,
  type PaymentType,
  type StoredPartnerPayment,
  type StoredPayment,
} from "../model";
import { readCities, readCountryCodes, readCurrency, readDevices, readOses } from "./codes";
import type { Issues } from "./issues";
import {
  readAmount,
  readEnum,
  readFlag,
  readInteger,
  readList,
  readMap,
  readStringList,
  readText,
} from "./values";

const EXTRA_TEXT_FIELDS = [
  ...Array.from({ length: 8 }, (_, i) => `sub${i + 1}`),
  ...Array.from({ length: 15 }, (_, i) => `custom_field${i + 1}`),
];

/**
 * Hands out payment ids: an id the client resends keeps its payment's identity (once), any
 * other payment gets a fresh UUIDv4 — Affise's rule from help-centre article 9104338.
 */
export class PaymentIds {
  private readonly claimed = new Set<string>();

  constructor(private readonly existing: ReadonlySet<string>) {}

  claim(sent: unknown): string {
    if (typeof sent === "string" && UUID_PATTERN.test(sent)) {
      const id = sent.toLowerCase();
      if (this.existing.has(id) && !this.claimed.has(id)) {
        this.claimed.add(id);
        return id;
      }
    }
    // An unknown or repeated id is not an error in Affise: the payment is simply new.
    return newUuid();
  }
}

export function readPayments(
  value: unknown,
  path: string,
  ids: PaymentIds,
  issues: Issues,
): StoredPayment[] | undefined {
  const entries = readList(value, path, issues);
  if (entries === undefined) return undefined;
  const before = issues.count;
  const payments: StoredPayment[] = [];
  for (const entry of entries) {
    const itemPath = `${path}[${entry.index}]`;
    const fields = readMap(entry.value, itemPath, issues);
    const payment = fields && readPayment(fields, itemPath, ids, issues);
    if (payment) payments.push(payment);
  }
  return issues.count === before ? payments : undefined;
}

export function readPartnerPayments(
  value: unknown,
  path: string,
  ids: PaymentIds,
  issues: Issues,
): StoredPartnerPayment[] | undefined {
  const entries = readList(value, path, issues);
  if (entries === undefined) return undefined;
  const before = issues.count;
  const payments: StoredPartnerPayment[] = [];
  for (const entry of entries) {
    const itemPath = `${path}[${entry.index}]`;
    const fields = readMap(entry.value, itemPath, issues);
    if (!fields) continue;
    const payment = readPayment(fields, itemPath, ids, issues);
    const partners = readPartners(fields.partners, `${itemPath}.partners`, issues);
    if (payment && partners) payments.push({ ...payment, partners });
  }
  return issues.count === before ? payments : undefined;
}

function readPayment(
  fields: Record<string, unknown>,
  path: string,
  ids: PaymentIds,
  issues: Issues,
): StoredPayment | undefined {
  const before = issues.count;
  const at = (name: string) => `${path}.${name}`;
  const optional = <T>(name: string, read: (v: unknown, p: string, i: Issues) => T | undefined) =>
    fields[name] === undefined ? undefined : read(fields[name], at(name), issues);

  const currency = readCurrency(fields.currency, at("currency"), issues);
  const type = readPaymentType(fields.type, at("type"), issues);
  const payment: StoredPayment = {
    id: ids.claim(fields.id),
    title: optional("title", readText) ?? "",
    countries: optional("countries", readCountryCodes) ?? [],
    countryExclude: optional("country_exclude", readFlag) ?? false,
    cities: optional("cities", readCities) ?? [],
    devices: optional("devices", readDevices) ?? [],
    os: optional("os", readOses) ?? [],
    // UNCERTAIN: Affise's default goal when none is sent; "1" is the value its fixtures show.
    goal: optional("goal", readText) ?? "1",
    total: optional("total", readAmount) ?? 0,
    revenue: optional("revenue", readAmount) ?? 0,
    currency: currency ?? "",
    type: type ?? "fixed",
    extras: {},
    baselineValue: optional("baseline_value", readAmount) ?? null,
  };
  for (const name of EXTRA_TEXT_FIELDS) {
    const text = optional(name, readText);
    if (text) payment.extras[name] = text;
  }
  return issues.count === before ? payment : undefined;
}

function readPaymentType(value: unknown, path: string, issues: Issues): PaymentType | undefined {
  if (value === undefined) {
    issues.add(path, `is required (one of ${PAYMENT_TYPES.join(", ")})`);
    return undefined;
  }
  return readEnum(value, PAYMENT_TYPES, path, issues);
}

function readPartners(value: unknown, path: string, issues: Issues): number[] | undefined {
  const entries = value === undefined ? [] : readStringList(value, path, issues);
  if (entries === undefined) return undefined;
  if (entries.length === 0) {
    issues.add(path, "at least one affiliate id is required for a personal payment");
    return undefined;
  }
  const partners: number[] = [];
  for (const entry of entries) {
    const id = readInteger(entry.value, entry.path, issues, { min: 1 });
    if (id !== undefined) partners.push(id);
  }
  return partners.length === entries.length ? partners : undefined;
}
