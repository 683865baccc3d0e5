/**
 * Keeping Affise's payment ids stable. An edit replaces the payment arrays whole, and a payment
 * sent without its `id` is a new payment to Affise (a new UUID, its history detached), so every
 * payment that is still there must be sent with the id it already has.
 */
import { paymentKey } from "./normalize";
import type { CheckedPayment } from "./types";

type WithId<T> = T & { id?: string };

/** Everything but the amounts: a payment whose price changed is still the same payment. */
function conditionsKey(payment: CheckedPayment): string {
  const { total: _t, revenue: _r, currency: _c, type: _y, title: _ti, ...conditions } = payment;
  return paymentKey(conditions as CheckedPayment);
}

/**
 * Gives each declared payment the id of the previous payment it continues: first the identical
 * ones, then those with the same conditions (a price change). The rest go without an id.
 */
export function carryPaymentIds<T extends CheckedPayment>(
  declared: T[],
  previous: WithId<T>[],
): WithId<T>[] {
  const unused = previous.filter((p) => p.id !== undefined);
  const result: WithId<T>[] = declared.map((payment) => ({ ...payment }));
  for (const key of [paymentKey, conditionsKey]) {
    result.forEach((payment) => {
      if (payment.id !== undefined) return;
      const match = unused.findIndex((old) => key(old) === key(payment));
      if (match >= 0) {
        payment.id = unused[match].id;
        unused.splice(match, 1);
      }
    });
  }
  return result;
}

/**
 * After a create or edit, reads the ids Affise assigned off its answer: the answer's payments,
 * mapped back through normalisation, are matched to the declared ones.
 */
export function idsFromAnswer<T extends CheckedPayment>(
  declared: WithId<T>[],
  answered: WithId<T>[],
): WithId<T>[] {
  const answeredIds = new Set(answered.map((p) => p.id).filter((id) => id !== undefined));
  const kept = declared.map((payment) =>
    payment.id !== undefined && answeredIds.has(payment.id) ? payment : withoutId(payment),
  );
  const keptIds = new Set(kept.map((p) => p.id));
  return carryPaymentIds(
    kept,
    answered.filter((p) => !keptIds.has(p.id)),
  );
}

function withoutId<T>(payment: WithId<T>): WithId<T> {
  const { id: _id, ...rest } = payment;
  return rest as WithId<T>;
}
