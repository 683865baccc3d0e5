/**
 * Payment slips a reviewer easily misses, refused by `check`. Two identical payments are one
 * payment declared twice. A conversion is paid by the one payment whose conditions match it, so
 * two payments with the same conditions leave Affise to pick one; and an affiliate earning more
 * than the advertiser pays, in one fixed currency, loses money on every conversion.
 */
import { canonicalJson } from "../canonical";
import type { CheckFailure } from "../check";
import type { CheckedPayment } from "../types";
import { containsUnknown } from "../unknowns";
import { paymentConditions } from "./payment";
import { PAYMENT_LISTS } from "./payments";

type Raw = Record<string, unknown>;

/**
 * Payments declared twice in each list (except the lists in `skip`, which have other problems);
 * with `moneyRules`, also the payments that pay too much or collide on their conditions.
 */
export function paymentSlips(
  declared: Raw,
  { skip = new Set(), moneyRules }: { skip?: ReadonlySet<PropertyKey>; moneyRules: boolean },
): CheckFailure[] {
  const duplicates: CheckFailure[] = [];
  const money: CheckFailure[] = [];
  for (const [listName, normalise] of PAYMENT_LISTS) {
    const list = declared[listName];
    if (skip.has(listName) || !Array.isArray(list) || containsUnknown(list)) continue;
    const payments = (list as Raw[]).map((raw) => normalise(raw) as unknown as Raw);
    const whole = payments.map((payment) => canonicalJson(payment));
    whole.forEach((key, i) => {
      const first = whole.indexOf(key);
      if (first !== i) {
        duplicates.push({
          property: `${listName}[${i}]`,
          reason: `is the same payment as ${listName}[${first}]; declare each payment once`,
        });
      }
    });
    if (moneyRules) money.push(...moneyRuleFailures(listName, payments, whole));
  }
  return [...duplicates, ...money];
}

function moneyRuleFailures(listName: string, payments: Raw[], whole: string[]): CheckFailure[] {
  const failures: CheckFailure[] = [];
  payments.forEach((payment, i) => {
    if (payment.type === "fixed" && Number(payment.revenue) > Number(payment.total)) {
      failures.push({
        property: `${listName}[${i}].revenue`,
        reason:
          `must not exceed total (${payment.total} ${payment.currency}) on a fixed payment: ` +
          "the affiliate would earn more than the advertiser pays",
      });
    }
  });
  const conditions = payments.map((payment) =>
    paymentConditions(payment as unknown as CheckedPayment),
  );
  conditions.forEach((key, i) => {
    const first = conditions.indexOf(key);
    // Exact copies are reported as duplicates.
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
