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
  {
    skip = new Set(),
    moneyRules,
    unknowns = true,
  }: { skip?: ReadonlySet<PropertyKey>; moneyRules: boolean; unknowns?: boolean },
): CheckFailure[] {
  const duplicates: CheckFailure[] = [];
  const money: CheckFailure[] = [];
  for (const [listName, normalise] of PAYMENT_LISTS) {
    const list = declared[listName];
    if (skip.has(listName) || !Array.isArray(list) || (unknowns && containsUnknown(list))) continue;
    const payments = (list as Raw[]).map((raw) => normalise(raw) as CheckedPayment);
    // Twins have the same conditions too: the whole payment is compared only where those meet.
    const conditions = payments.map(paymentConditions);
    const collisions: CheckFailure[] = [];
    const wholes = new Map<number, string>();
    const whole = (i: number) => wholes.get(i) ?? wholes.set(i, canonicalJson(payments[i])).get(i)!;
    conditions.forEach((key, i) => {
      const first = conditions.indexOf(key);
      if (first === i) return;
      const twin = conditions.findIndex((other, j) => other === key && whole(j) === whole(i));
      if (twin !== i) {
        duplicates.push({
          property: `${listName}[${i}]`,
          reason: `is the same payment as ${listName}[${twin}]; declare each payment once`,
        });
      }
      if (moneyRules && whole(first) !== whole(i)) {
        collisions.push(sameConditions(listName, payments, first, i));
      }
    });
    if (moneyRules) money.push(...overpaid(listName, payments), ...collisions);
  }
  return [...duplicates, ...money];
}

/** An affiliate earning more than the advertiser pays on a fixed payment. */
function overpaid(listName: string, payments: CheckedPayment[]): CheckFailure[] {
  return payments.flatMap((payment, i) =>
    payment.type === "fixed" && payment.revenue > payment.total
      ? [
          {
            property: `${listName}[${i}].revenue`,
            reason:
              `must not exceed total (${payment.total} ${payment.currency}) on a fixed payment: ` +
              "the affiliate would earn more than the advertiser pays",
          },
        ]
      : [],
  );
}

/** Payment `i` has the conditions of payment `first` but pays differently (or only its title differs). */
function sameConditions(
  listName: string,
  payments: CheckedPayment[],
  first: number,
  i: number,
): CheckFailure {
  const onlyTitle = withoutTitle(payments[first]) === withoutTitle(payments[i]);
  return {
    property: `${listName}[${i}]`,
    reason: onlyTitle
      ? `is the same payment as ${listName}[${first}] under another title; a title is only a label, declare each payment once`
      : `has the same conditions as ${listName}[${first}] but pays differently, so Affise would pick one of them; ` +
        "merge them, or make their countries, devices, OS, goal, sub values or partners differ",
  };
}

function withoutTitle(payment: CheckedPayment): string {
  const { title: _title, ...rest } = payment;
  return canonicalJson(rest);
}
