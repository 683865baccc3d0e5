/**
 * Affise's read model → the provider's state. Affise answers in its own shape (codes in either
 * case, booleans for 0/1 flags, cities as objects, numbers for amounts, PHP's ways of writing an
 * empty or gapped list); mapping it back through the same canonical forms `check` writes is what
 * lets a refresh show real drift and nothing else.
 *
 * The reading is tolerant: only fields the provider manages are read at all (an odd shape in any
 * other field never fails a read), and a managed field in an unexpected shape is normalised
 * where the meaning is clear, else reported in one sentence naming the field and the shape seen.
 * How each field is read is in the field table; this file decides which are read.
 */
import type { AffiseOffer } from "./affise/offer";
import type { AnyOfferField, ItemIds } from "./fields/field";
import { FIELDS, FIELDS_WITH_IDS, INTERNAL_INPUTS } from "./fields/table";
import { sortCanonically } from "./canonical";
import type { Raw } from "./affise/read-values";
import type { CheckedOffer, OfferState } from "./types";

/**
 * The state for an offer as Affise holds it. `previous` (the old state or the declared inputs)
 * gives the provider-only inputs and which optional fields are managed: only those are read.
 * `enabledAffiliates` comes from its own endpoint, read only when managed.
 */
export function stateFromAffise(
  offer: AffiseOffer,
  previous: Partial<CheckedOffer>,
  enabledAffiliates?: number[],
): OfferState {
  const state: Raw = {};
  for (const [name, field] of FIELDS) {
    const value = readField(field, previous[name], offer, enabledAffiliates);
    if (value !== undefined) state[name] = value;
  }
  for (const name of INTERNAL_INPUTS) {
    const value = (previous as Raw)[name];
    if (value !== undefined && name !== "__provider") state[name] = value;
  }
  state.offerId = offer.offer_id;
  return state as unknown as OfferState;
}

function readField(
  field: AnyOfferField,
  previous: unknown,
  offer: AffiseOffer,
  enabledAffiliates?: number[],
): unknown {
  // Affise has no field for it: it stays as the program declared it.
  if (field.sent === "never") return previous ?? field.default;
  if (field.managed === "while declared" && previous === undefined) return undefined;
  const read = field.sent === "form" ? field.decode(offer) : enabledAffiliates;
  if (field.sent === "form" && field.ids)
    return withIds(read as Raw[], field.ids as ItemIds<object>);
  if (read !== undefined && read !== null) return field.canonical(read);
  // A cleared optional field reads back as its empty form, not as "not managed".
  return field.managed === "always" ? field.default : field.empty;
}

/** The declared part of a state, as `check` would have produced it: what `read` reports as inputs. */
export function inputsFromState(state: OfferState): CheckedOffer {
  const { offerId: _offerId, tenantUrl: _tenantUrl, ...rest } = state;
  const inputs: Raw = { ...rest };
  for (const name of FIELDS_WITH_IDS) {
    const items = inputs[name] as { id?: unknown }[] | undefined;
    if (items !== undefined) inputs[name] = items.map(withoutId);
  }
  return inputs as unknown as CheckedOffer;
}

/** Normalises each item, keeps Affise's id on it, and sorts canonically. */
function withIds<Item extends object>(
  items: Raw[],
  ids: ItemIds<Item>,
): (Item & { id?: unknown })[] {
  const mapped = items.map((raw) => {
    const item = ids.item(raw);
    return raw.id === undefined || raw.id === null ? item : { ...item, id: ids.id(raw.id) };
  });
  return sortCanonically(mapped);
}

function withoutId<T extends { id?: unknown }>(item: T): Omit<T, "id"> {
  const { id: _id, ...rest } = item;
  return rest;
}
