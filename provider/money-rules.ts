/**
 * Payment slips a reviewer easily misses, refused by `check`. A conversion is paid by the one
 * payment whose conditions match it, so two payments with the same conditions leave Affise to pick
 * one; and an affiliate earning more than the advertiser pays, in one fixed currency, loses money on
 * every conversion.
 */
import type { CheckFailure } from "./check";
import { canonicalJson } from "./normalize-delivery";
import { normalizePartnerPayment, normalizePayment } from "./normalize";
import { containsUnknown } from "./unknowns";

type Raw = Record<string, unknown>;

/** What decides which conversions a payment applies to; the rest is what it pays, and a label. */
const PAYOUT_FIELDS = new Set(["total", "revenue", "currency", "type", "title"]);

export function moneyRuleFailures(declared: Raw): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const lists = [
    ["payments", normalizePayment],
    ["partnerPayments", normalizePartnerPayment],
  ] as const;
  for (const [listName, normalise] of lists) {
    const list = declared[listName];
    if (!Array.isArray(list) || containsUnknown(list)) continue;
    const payments = (list as Raw[]).map((raw) => normalise(raw) as unknown as Raw);
    payments.forEach((payment, i) => {
      const at = `${listName}[${i}]`;
      if (payment.type === "fixed" && Number(payment.revenue) > Number(payment.total)) {
        failures.push({
          property: `${at}.revenue`,
          reason:
            `must not exceed total (${payment.total} ${payment.currency}) on a fixed payment: ` +
            "the affiliate would earn more than the advertiser pays",
        });
      }
    });
    failures.push(...sameConditions(listName, payments));
  }
  return failures;
}

function sameConditions(listName: string, payments: Raw[]): CheckFailure[] {
  const conditions = payments.map((payment) =>
    canonicalJson(
      Object.fromEntries(Object.entries(payment).filter(([k]) => !PAYOUT_FIELDS.has(k))),
    ),
  );
  const whole = payments.map((payment) => canonicalJson(payment));
  const failures: CheckFailure[] = [];
  conditions.forEach((key, i) => {
    const first = conditions.indexOf(key);
    // Exact copies are reported as duplicates elsewhere.
    if (first === i || whole[first] === whole[i]) return;
    const onlyTitle = withoutTitle(payments[first]) === withoutTitle(payments[i]);
    failures.push({
      property: `${listName}[${i}]`,
      reason: onlyTitle
        ? `is the same payment as ${listName}[${first}] under another title; a title is only a label, declare each payment once`
        : `has the same conditions as ${listName}[${first}] but pays differently, so Affise would pick one of them; ` +
          "merge them, or make their countries, devices, OS, goal, sub values or partners differ",
    });
  });
  return failures;
}

function withoutTitle(payment: Raw): string {
  const { title: _title, ...rest } = payment;
  return canonicalJson(rest);
}
