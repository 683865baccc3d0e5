/**
 * Bringing an existing Affise offer to its declared state: one edit request with everything that
 * changed (full lists, with the ids of items that stay), then the affiliate access changes.
 * Shared by `update` and by create when it takes over an offer (adoptId, or a marker found).
 */
import { syncAffiliates } from "./affiliates";
import type { AffiseClient } from "../affise/client";
import { diffOffer } from "../diff";
import type { AffiseOffer } from "../affise/offer";
import { offerForm } from "../encoding";
import {
  type FieldName,
  FIELDS_WITH_IDS,
  FORM_FIELDS,
  OFFER_FIELDS,
  WHILE_DECLARED,
} from "../fields/table";
import { carryIds, idsFromAnswer } from "../payment-ids";
import { stateFromAffise } from "../read-model";
import { unmanagedPaymentFields } from "../unmanaged-payment-fields";
import type { CheckedOffer, OfferState } from "../types";

/**
 * The settings an edit sends whether they changed or not (Affise writes them out on every offer);
 * every other field is sent only when it changed.
 */
const ALWAYS_SENT = new Set(
  FORM_FIELDS.filter((name) => {
    const field = OFFER_FIELDS[name];
    return field.managed === "always" && !("ids" in field);
  }),
);

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
    const form = offerForm(withIdsOf(declared, known), {
      mode: "edit",
      clear: noLongerDeclared(current, declared),
      // Only what changed is sent: Affise keeps what an edit omits, including what the provider
      // does not manage (a payment's custom fields, regions). Affise also refuses a start date in
      // the past, so an unchanged one must not be resent.
      omit: FORM_FIELDS.filter(
        (field) => !ALWAYS_SENT.has(field) && !(diff.affiseChanged as string[]).includes(field),
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
  const offer: Record<string, unknown> = { ...declared };
  for (const name of FIELDS_WITH_IDS) {
    const items = declared[name] as object[] | undefined;
    const previous = (current[name] ?? []) as object[];
    if (items) offer[name] = carryIds(items, previous, identityOf(name));
  }
  return offer as unknown as CheckedOffer & Partial<OfferState>;
}

/** Outputs after a write: the declared state, with the ids Affise holds (from `source`). */
export function outputsFor(
  declared: CheckedOffer,
  source: Partial<OfferState>,
  tenantUrl: string,
): OfferState {
  const withIds = withIdsOf(declared, source) as unknown as Record<string, unknown>;
  const outputs: Record<string, unknown> = { ...withIds, offerId: source.offerId, tenantUrl };
  for (const name of FIELDS_WITH_IDS) {
    const items = withIds[name] as object[] | undefined;
    const answered = (source[name] ?? []) as object[];
    if (items) outputs[name] = idsFromAnswer(items, answered, identityOf(name));
  }
  return outputs as unknown as OfferState;
}

function identityOf(name: FieldName) {
  const field = OFFER_FIELDS[name];
  return ("ids" in field ? field.ids.identity : []) as ((item: object) => string | undefined)[];
}

function noLongerDeclared(current: Partial<OfferState>, declared: CheckedOffer): FieldName[] {
  return WHILE_DECLARED.filter(
    (field) => current[field] !== undefined && declared[field] === undefined,
  );
}
