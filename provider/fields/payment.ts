/**
 * One payment: who pays what, for which goal, countries, devices and OSes; a personal payment adds
 * the affiliates it is for. Declared, canonical, sent and read here, in Affise's terms
 * (`offer_payment_structure`).
 */
import { z } from "zod";
import { canonicalJson, lowerCaseSet, numberSet, textSet, upperCaseSet } from "../canonical";
import { decimalText } from "../decimal";
import {
  isRecord,
  type Raw,
  readFlag,
  readId,
  readItems,
  readNumber,
  readText,
  readTexts,
  ReadShapeError,
  shapeOf,
} from "../affise/read-values";
import type {
  CheckedPartnerPayment,
  CheckedPayment,
  Device,
  PaymentType,
  StoredPayment,
} from "../types";
import type { EncodeContext, FormFields } from "./field";
import {
  amount,
  countryCode,
  currencyCode,
  DEVICES,
  goalValue,
  listOf,
  nonEmptyText,
  oneOf,
  positiveInteger,
} from "./shapes";

/** Affise's payment types (`offer_payment_structure.type`). */
export const PAYMENT_TYPES = [
  "fixed",
  "percent",
  "mixed",
  "cpc",
  "cpm",
  "first_cpa",
  "first_cps",
  "baseline_onetime",
  "baseline_accumulating",
] as const;

export const SUB_KEYS = ["sub1", "sub2", "sub3", "sub4", "sub5", "sub6", "sub7", "sub8"] as const;

/** The goal value a payment gets when none is declared: "1", as in every Affise example. */
export const DEFAULT_GOAL = "1";

const subValues = (key: string) =>
  z.string({ error: "must be text" }).optional().describe(`Comma-separated ${key} values.`);

export const PAYMENT_FIELDS = {
  title: z.string({ error: "must be text" }).optional().describe("A label for the payment."),
  countries: listOf(countryCode, "country codes")
    .optional()
    .describe("ISO 3166-1 alpha-2 codes the payment applies to (or excludes, see countryExclude)."),
  countryExclude: z
    .boolean({ error: "must be true or false" })
    .optional()
    .describe("true: the payment applies everywhere except `countries`. Default false."),
  cities: listOf(positiveInteger("an Affise city id"), "Affise city ids")
    .optional()
    .describe("Affise city ids (from /3.1/cities)."),
  devices: listOf(z.enum(DEVICES, { error: oneOf(DEVICES) }), "device types")
    .optional()
    .describe(`Device types: ${DEVICES.join(", ")}.`),
  os: listOf(nonEmptyText("an operating system name from /3.1/oses"), "OS names")
    .optional()
    .describe("Operating system names as Affise lists them (/3.1/oses), e.g. Android, iOS."),
  goal: z
    .union(
      [
        goalValue,
        z.int({ error: 'must be a goal value such as "1"' }).min(0, { error: "must be 0 or more" }),
      ],
      { error: 'must be a goal value such as "1"' },
    )
    .optional()
    .describe(
      'The conversion goal value the payment is for: free text of letters, digits, _, spaces, dots and dashes, e.g. "1" or "fd". Default "1".',
    ),
  total: amount.describe("What the advertiser pays (Affise: total)."),
  revenue: amount.describe("What the affiliate earns (Affise: revenue)."),
  currency: currencyCode,
  type: z.enum(PAYMENT_TYPES, { error: oneOf(PAYMENT_TYPES) }).describe(oneOf(PAYMENT_TYPES)),
  sub1: subValues("sub1"),
  sub2: subValues("sub2"),
  sub3: subValues("sub3"),
  sub4: subValues("sub4"),
  sub5: subValues("sub5"),
  sub6: subValues("sub6"),
  sub7: subValues("sub7"),
  sub8: subValues("sub8"),
};

/** A percent payment is a share of the advertiser's amount, so neither side can exceed 100. */
function percentAtMost100(
  payment: { type: string; total: number | string; revenue: number | string },
  ctx: z.RefinementCtx,
) {
  if (payment.type !== "percent") return;
  for (const key of ["total", "revenue"] as const) {
    if (Number(payment[key]) > 100) {
      ctx.addIssue({
        code: "custom",
        path: [key],
        message: "must be 100 or less for a percent payment",
      });
    }
  }
}

export const paymentSchema = z
  .strictObject(PAYMENT_FIELDS, {
    error: "must be a payment: a mapping with total, revenue, currency and type",
  })
  .superRefine(percentAtMost100)
  .describe("A general payment: who pays what, for which goal, countries, devices and OSes.");

export const partnerPaymentSchema = z
  .strictObject(
    {
      ...PAYMENT_FIELDS,
      partners: listOf(positiveInteger("an affiliate id"), "affiliate ids")
        .min(1, { error: "must list at least one affiliate id" })
        .describe("Affiliate (partner) ids this personal payment is for."),
    },
    {
      error:
        "must be a personal payment: a mapping with partners, total, revenue, currency and type",
    },
  )
  .superRefine(percentAtMost100)
  .describe("A personal payment: a payment for the listed affiliates only.");

export function normalizePayment(raw: Raw): CheckedPayment {
  const payment: CheckedPayment = {
    countries: upperCaseSet(raw.countries),
    countryExclude: Boolean(raw.countryExclude ?? false),
    cities: numberSet(raw.cities),
    devices: lowerCaseSet(raw.devices) as Device[],
    os: textSet(raw.os),
    goal: String(raw.goal ?? DEFAULT_GOAL).trim(),
    total: Number(raw.total),
    revenue: Number(raw.revenue),
    currency: String(raw.currency).toUpperCase(),
    type: raw.type as PaymentType,
  };
  for (const key of ["title", ...SUB_KEYS] as const) {
    const value = raw[key];
    if (value !== undefined && value !== null && value !== "") payment[key] = value as string;
  }
  return payment;
}

/** What decides which conversions a payment applies to: all but what it pays, and its label. */
export function paymentConditions(payment: CheckedPayment): string {
  const { total: _t, revenue: _r, currency: _c, type: _y, title: _ti, ...conditions } = payment;
  return canonicalJson(conditions);
}

export function normalizePartnerPayment(raw: Raw): CheckedPartnerPayment {
  return { ...normalizePayment(raw), partners: numberSet(raw.partners) };
}

/** A payment list as sent: `payments[0][countries][]=RU`, with each payment's Affise id. */
export function sendPayments(name: string) {
  return (payments: StoredPayment[], form: FormFields, context: EncodeContext): void => {
    payments.forEach((payment, i) => {
      const at = `${name}[${i}]`;
      addPayment(form, at, payment, context.edit);
      const extra = payment.id === undefined ? undefined : context.unmanaged.get(payment.id);
      for (const [key, value] of Object.entries(extra ?? {})) form[`${at}[${key}]`] = value;
      if ("partners" in payment) {
        form[`${at}[partners][]`] = (payment as CheckedPartnerPayment).partners.map(String);
      }
    });
    // An edit that does not mention a payment list keeps the stored one; an empty value clears it.
    if (context.edit && payments.length === 0) form[name] = "";
  };
}

function addPayment(form: FormFields, at: string, payment: StoredPayment, edit: boolean): void {
  if (payment.id !== undefined) form[`${at}[id]`] = payment.id;
  addList(form, `${at}[countries]`, payment.countries, edit);
  form[`${at}[country_exclude]`] = payment.countryExclude ? "1" : "0";
  addList(form, `${at}[cities]`, payment.cities.map(String), edit);
  addList(form, `${at}[devices]`, payment.devices, edit);
  addList(form, `${at}[os]`, payment.os, edit);
  form[`${at}[goal]`] = payment.goal;
  form[`${at}[total]`] = decimalText(payment.total);
  form[`${at}[revenue]`] = decimalText(payment.revenue);
  form[`${at}[currency]`] = payment.currency;
  form[`${at}[type]`] = payment.type;
  for (const key of ["title", ...SUB_KEYS] as const) {
    const value = payment[key];
    if (value !== undefined) form[`${at}[${key}]`] = value;
    else if (edit) form[`${at}[${key}]`] = "";
  }
}

function addList(form: FormFields, key: string, values: string[], edit: boolean): void {
  if (values.length > 0) form[`${key}[]`] = values;
  else if (edit) form[key] = "";
}

/** A payment Affise sent, in the declared shape, with Affise's id kept aside under `id`. */
export function paymentAsInput(value: unknown, field: string): Raw {
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

export function partnerPaymentAsInput(value: unknown, field: string): Raw {
  const payment = paymentAsInput(value, field);
  const partners = readTexts((value as Raw).partners, `${field}.partners`).map(Number);
  return { ...payment, partners };
}

export type PaymentSchemaInput = z.input<typeof paymentSchema>;
export type PartnerPaymentSchemaInput = z.input<typeof partnerPaymentSchema>;
