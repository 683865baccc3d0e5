/**
 * Bringing an existing Affise offer to its declared state: one edit request with everything that
 * changed (full lists, with the ids of items that stay), then the affiliate access changes.
 * Shared by `update` and by create when it takes over an offer (adoptId, or a marker found).
 */
import { syncAffiliates } from "./affiliates";
import type { AffiseClient } from "./client";
import { diffOffer } from "./diff";
import { encodeOfferForm } from "./encoding";
import { OPTIONAL_FIELDS, type OptionalField } from "./normalize";
import {
  carryIds,
  carryPaymentIds,
  idsFromAnswer,
  LANDING_IDENTITY,
  TARGETING_IDENTITY,
} from "./payment-ids";
import { type AffiseOffer, stateFromAffise } from "./read-model";
import { unmanagedPaymentFields } from "./unmanaged-payment-fields";
import type { CheckedOffer, OfferState } from "./types";

/** Not sent in the edit form: affiliates have their own requests, the connection is ours. */
const NOT_IN_FORM: OptionalField[] = ["enabledAffiliates", "apiUrl", "apiKey"];

/**
 * Edits the offer so it matches `declared`, given its `current` state. Returns Affise's answer to
 * the edit, or undefined when nothing on the offer itself needed to change.
 */
export async function bringToDeclared(
  client: AffiseClient,
  id: string,
  declared: CheckedOffer,
  current: Partial<OfferState>,
  held?: AffiseOffer,
): Promise<AffiseOffer | undefined> {
  const diff = diffOffer(id, current, declared);
  let answer: AffiseOffer | undefined;
  if (diff.affiseChanged.length > 0) {
    const sendsPayments = diff.affiseChanged.some(
      (field) => field === "payments" || field === "partnerPayments",
    );
    // Resending a payment list replaces it whole: what Affise holds now supplies what we do not model.
    const asHeld = sendsPayments ? (held ?? (await client.getOffer(id))) : undefined;
    const known = asHeld ? withHeldIds(declared, current, asHeld) : current;
    const form = encodeOfferForm(withIdsOf(declared, known), {
      mode: "edit",
      clear: noLongerDeclared(current, declared),
      // Only what changed is sent: Affise keeps what an edit omits, including what the provider
      // does not manage (a payment's custom fields, regions). Affise also refuses a start date in
      // the past, so an unchanged one must not be resent.
      omit: (Object.keys(OPTIONAL_FIELDS) as OptionalField[]).filter(
        (field) => !(diff.affiseChanged as string[]).includes(field),
      ),
      keep: (["payments", "partnerPayments"] as const).filter(
        (list) => !diff.affiseChanged.includes(list),
      ),
      unmanaged: asHeld ? unmanagedPaymentFields(asHeld) : undefined,
    });
    answer = await client.editOffer(id, form);
  }
  if (diff.affiliatesChanged) {
    await syncAffiliates(
      client,
      id,
      declared.enabledAffiliates ?? [],
      current.enabledAffiliates ?? [],
    );
  }
  return answer;
}

/**
 * `current` with payments added from what Affise holds that state does not know of: a payment an
 * interrupted update stored keeps its id when the rerun sends it again.
 */
function withHeldIds(
  declared: CheckedOffer,
  current: Partial<OfferState>,
  held: AffiseOffer,
): Partial<OfferState> {
  const inAffise = stateFromAffise(held, declared);
  const more = <T extends { id?: string }>(known: T[], found: T[]) => {
    const ids = new Set(known.map((item) => item.id));
    return [...known, ...found.filter((item) => item.id !== undefined && !ids.has(item.id))];
  };
  return {
    ...current,
    payments: more(current.payments ?? [], inAffise.payments),
    partnerPayments: more(current.partnerPayments ?? [], inAffise.partnerPayments),
  };
}

/** The declared offer with the ids of the items it continues from `current`. */
export function withIdsOf(
  declared: CheckedOffer,
  current: Partial<OfferState>,
): CheckedOffer & Partial<OfferState> {
  const offer: CheckedOffer & Partial<OfferState> = {
    ...declared,
    payments: carryPaymentIds(declared.payments, current.payments ?? []),
    partnerPayments: carryPaymentIds(declared.partnerPayments, current.partnerPayments ?? []),
  };
  if (declared.landings)
    offer.landings = carryIds(declared.landings, current.landings ?? [], LANDING_IDENTITY);
  if (declared.targeting) {
    offer.targeting = carryIds(declared.targeting, current.targeting ?? [], TARGETING_IDENTITY);
  }
  return offer;
}

/** Outputs after a write: the declared state, with the ids Affise holds (from `source`). */
export function outputsFor(
  declared: CheckedOffer,
  source: OfferState,
  tenantUrl: string,
): OfferState {
  const withIds = withIdsOf(declared, source);
  const outputs: OfferState = {
    ...withIds,
    payments: idsFromAnswer(withIds.payments, source.payments),
    partnerPayments: idsFromAnswer(withIds.partnerPayments, source.partnerPayments),
    offerId: source.offerId,
    tenantUrl,
  };
  if (withIds.landings)
    outputs.landings = idsFromAnswer(withIds.landings, source.landings ?? [], LANDING_IDENTITY);
  if (withIds.targeting) {
    outputs.targeting = idsFromAnswer(
      withIds.targeting,
      source.targeting ?? [],
      TARGETING_IDENTITY,
    );
  }
  return outputs;
}

function noLongerDeclared(current: Partial<OfferState>, declared: CheckedOffer): OptionalField[] {
  return (Object.keys(OPTIONAL_FIELDS) as OptionalField[]).filter(
    (field) =>
      !NOT_IN_FORM.includes(field) && current[field] !== undefined && declared[field] === undefined,
  );
}
