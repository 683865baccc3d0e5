/** The offer's payment lists: general payments, and personal payments for listed affiliates. */
import { sortCanonically } from "../canonical";
import { PAYMENT_IDENTITY } from "../payment-ids";
import { type Raw, readItems } from "../affise/read-values";
import type {
  CheckedPartnerPayment,
  CheckedPayment,
  StoredPartnerPayment,
  StoredPayment,
} from "../types";
import type { AlwaysManaged } from "./field";
import {
  normalizePartnerPayment,
  normalizePayment,
  partnerPaymentAsInput,
  partnerPaymentSchema,
  paymentAsInput,
  paymentSchema,
  sendPayments,
} from "./payment";
import { listOf } from "./shapes";

/** Affise's names → ours, inside a payment. */
const PAYMENT_NAMES = { country_exclude: "countryExclude" };

export const payments = {
  managed: "always",
  sent: "form",
  schema: listOf(paymentSchema, "payments")
    .min(1, { error: "an offer needs at least one payment" })
    .describe("General payments; at least one."),
  // A conversion takes the payment whose conditions match it, not the first in a list: a set.
  canonical: (value) => sortCanonically((value as Raw[]).map(normalizePayment)),
  wire: ["payments"],
  itemNames: PAYMENT_NAMES,
  encode: sendPayments("payments"),
  decode: (offer) => readItems(offer.payments, "payments", paymentAsInput),
  ids: { item: normalizePayment, id: String, identity: PAYMENT_IDENTITY },
} satisfies AlwaysManaged<CheckedPayment[], StoredPayment[]>;

export const partnerPayments = {
  managed: "always",
  sent: "form",
  default: [],
  schema: listOf(partnerPaymentSchema, "personal payments")
    .optional()
    .describe("Personal payments for specific affiliates."),
  canonical: (value) => sortCanonically((value as Raw[]).map(normalizePartnerPayment)),
  wire: ["partner_payments"],
  itemNames: PAYMENT_NAMES,
  encode: sendPayments("partner_payments"),
  decode: (offer) => readItems(offer.partner_payments, "partner_payments", partnerPaymentAsInput),
  ids: { item: normalizePartnerPayment, id: String, identity: PAYMENT_IDENTITY },
} satisfies AlwaysManaged<CheckedPartnerPayment[], StoredPartnerPayment[]>;

/** The payment lists, each with how one of its declared items is made canonical. */
export const PAYMENT_LISTS = [
  ["payments", normalizePayment],
  ["partnerPayments", normalizePartnerPayment],
] as const;
