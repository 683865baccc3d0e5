import type { FormFields } from "../http/form";
import { OFFER_STATUSES, PRIVACY_LEVELS, type StoredOffer } from "../model";
import { readAdvertiser } from "./codes";
import { Issues } from "./issues";
import { applyOfferDetails } from "./offer-details";
import { PaymentIds, readPartnerPayments, readPayments } from "./payment";
import { readEnum, readNonEmptyText, readText } from "./values";
import { readWebUrl } from "./web-url";

export type FormMode = "create" | "edit";

const REQUIRED_ON_CREATE = ["title", "advertiser", "url", "payments"] as const;

/**
 * Applies a create or edit form to an offer and returns the result; throws ValidationError
 * (and changes nothing) if any field is wrong. Fields not sent keep their value; a list that
 * is sent replaces the stored one whole; fields Affise has but the emulator does not model
 * are ignored, as Affise ignores names it does not know.
 */
export function applyOfferForm(form: FormFields, base: StoredOffer, mode: FormMode): StoredOffer {
  const issues = new Issues();
  const offer: StoredOffer = structuredClone(base);
  const sent = (name: string) => form[name] !== undefined;

  if (mode === "create") {
    for (const name of REQUIRED_ON_CREATE) if (!sent(name)) issues.add(name, "is required");
  }
  if (sent("title")) offer.title = readNonEmptyText(form.title, "title", issues) ?? offer.title;
  if (sent("advertiser")) {
    offer.advertiser = readAdvertiser(form.advertiser, "advertiser", issues) ?? offer.advertiser;
  }
  if (sent("url")) offer.url = readWebUrl(form.url, "url", issues) ?? offer.url;
  if (sent("status"))
    offer.status = readEnum(form.status, OFFER_STATUSES, "status", issues) ?? offer.status;
  if (sent("privacy")) {
    offer.privacy = readEnum(form.privacy, PRIVACY_LEVELS, "privacy", issues) ?? offer.privacy;
  }
  if (sent("external_offer_id")) {
    offer.externalOfferId = readText(form.external_offer_id, "external_offer_id", issues) ?? "";
  }
  if (sent("bundle_id")) offer.bundleId = readText(form.bundle_id, "bundle_id", issues) ?? "";
  applyPayments(form, offer, base, issues);
  applyOfferDetails(form, offer, issues);
  issues.throwIfAny();
  return offer;
}

function applyPayments(
  form: FormFields,
  offer: StoredOffer,
  base: StoredOffer,
  issues: Issues,
): void {
  const ids = new PaymentIds(new Set([...base.payments, ...base.partnerPayments].map((p) => p.id)));
  if (form.payments !== undefined) {
    const payments = readPayments(form.payments, "payments", ids, issues);
    if (payments && payments.length === 0) {
      issues.add("payments", "an offer needs at least one payment");
    } else if (payments) {
      offer.payments = payments;
    }
  }
  if (form.partner_payments !== undefined) {
    // `partner_payments=` (an empty string) clears them, as `landings=` does for landings.
    const partnerPayments = readPartnerPayments(
      form.partner_payments,
      "partner_payments",
      ids,
      issues,
    );
    if (partnerPayments) offer.partnerPayments = partnerPayments;
  }
}
