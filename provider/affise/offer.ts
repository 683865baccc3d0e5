/** An offer as Affise answers it (the admin view), its id checked and every other field Affise's own. */
import { isRecord, type Raw, ReadShapeError, shapeOf } from "./read-values";

export interface AffiseOffer {
  readonly id: string;
  readonly offer_id: string;
  readonly external_offer_id: string;
  readonly [field: string]: unknown;
}

/** The answer is the affiliate view of an offer: the key is an affiliate's, not an admin's. */
export class NotAdminKeyError extends Error {
  constructor() {
    super(
      "this key is not an admin key: Affise answered with the affiliate view of the offer " +
        "(no advertiser, no payment totals); use the API key of an admin user",
    );
    this.name = "NotAdminKeyError";
  }
}

export function parseAffiseOffer(data: unknown): AffiseOffer {
  if (!isRecord(data)) throw new ReadShapeError("the offer", shapeOf(data), "an offer object");
  const id = data.id;
  if (!(typeof id === "number" || (typeof id === "string" && /^\d+$/.test(id))))
    throw new ReadShapeError("the offer's id", shapeOf(id), "an integer id");
  if (isAffiliateView(data)) throw new NotAdminKeyError();
  const text = (value: unknown) =>
    typeof value === "string" || typeof value === "number" ? String(value) : "";
  return {
    ...data,
    id: String(id),
    offer_id: text(data.offer_id),
    external_offer_id: text(data.external_offer_id),
  };
}

/** Admins see `advertiser` and every payment's `total`; affiliates see neither. */
function isAffiliateView(offer: Raw): boolean {
  if ("advertiser" in offer) return false;
  const payments = Array.isArray(offer.payments) ? offer.payments : [];
  return payments.every((payment) => !isRecord(payment) || !("total" in payment));
}
