/**
 * Keeping Affise's ids stable: payment UUIDs, landing ids and targeting-group UUIDs. An edit
 * replaces these lists whole, and an item sent without its `id` is a new item to Affise (a new
 * id, its history detached), so every item that is still there is sent with the id it has.
 */
import { canonicalJson } from "./canonical";
import { paymentConditions } from "./fields/payment";
import type { CheckedLanding, CheckedPayment, CheckedTargetingGroup } from "./types";

type WithId<T, I> = T & { id?: I };
/** What makes two items "the same item" at some level of strictness; undefined: no opinion. */
export type SameItemKey<T> = (item: T) => string | undefined;

/** A payment whose price changed is still the same payment. */
export const PAYMENT_IDENTITY: SameItemKey<CheckedPayment>[] = [canonicalJson, paymentConditions];
/** A landing whose title changed, or whose URL changed, is still that landing. */
export const LANDING_IDENTITY: SameItemKey<CheckedLanding>[] = [
  canonicalJson,
  (landing) => `url:${landing.url}`,
  (landing) => `title:${landing.title}`,
];
/** A named targeting group keeps its id while its rules change. */
export const TARGETING_IDENTITY: SameItemKey<CheckedTargetingGroup>[] = [
  canonicalJson,
  (group) => (group.name ? `name:${group.name}` : undefined),
];

/**
 * Gives each declared item the id of the previous item it continues: first the identical ones,
 * then by each looser identity in turn. The rest go without an id, so Affise creates them.
 */
export function carryIds<T extends object, I>(
  declared: WithId<T, I>[],
  previous: WithId<T, I>[],
  identity: SameItemKey<T>[],
): WithId<T, I>[] {
  const unused = previous.filter((p) => p.id !== undefined);
  const result = declared.map((item) => ({ ...item }));
  for (const key of identity) {
    result.forEach((item) => {
      if (item.id !== undefined) return;
      const wanted = key(item);
      if (wanted === undefined) return;
      const match = unused.findIndex((old) => key(old) === wanted);
      if (match >= 0) {
        item.id = unused[match].id;
        unused.splice(match, 1);
      }
    });
  }
  return result;
}

export function carryPaymentIds<T extends CheckedPayment>(
  declared: T[],
  previous: WithId<T, string>[],
): WithId<T, string>[] {
  return carryIds(declared, previous, PAYMENT_IDENTITY as SameItemKey<T>[]);
}

/**
 * After a create or edit, reads the ids Affise assigned off its answer: ids that were sent and
 * came back are kept; the rest are matched to the answer's items by content.
 */
export function idsFromAnswer<T extends object, I>(
  declared: WithId<T, I>[],
  answered: WithId<T, I>[],
  identity: SameItemKey<T>[] = PAYMENT_IDENTITY as unknown as SameItemKey<T>[],
): WithId<T, I>[] {
  const answeredIds = new Set(answered.map((item) => item.id).filter((id) => id !== undefined));
  const kept = declared.map((item) =>
    item.id !== undefined && answeredIds.has(item.id) ? item : withoutId(item),
  );
  const keptIds = new Set(kept.map((item) => item.id));
  return carryIds(
    kept,
    answered.filter((item) => !keptIds.has(item.id)),
    identity,
  );
}

function withoutId<T extends { id?: unknown }>(item: T): T {
  const { id: _id, ...rest } = item;
  return rest as T;
}
