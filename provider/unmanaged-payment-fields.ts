/**
 * Payment fields the provider does not model (custom_field1..15, set in the Affise UI). Affise's
 * edit replaces a payment list whole, so an edit that sends the payments must resend these as
 * Affise holds them, on the payment they belong to (matched by its Affise id).
 */
import type { AffiseOffer } from "./affise/offer";

export const UNMANAGED_PAYMENT_FIELDS = Array.from(
  { length: 15 },
  (_, i) => `custom_field${i + 1}`,
);

/** Payment id → its unmanaged fields with a value, for `payments` and `partner_payments`. */
export type UnmanagedPaymentFields = ReadonlyMap<string, Record<string, string>>;

export function unmanagedPaymentFields(offer: AffiseOffer): UnmanagedPaymentFields {
  const found = new Map<string, Record<string, string>>();
  for (const list of [offer.payments, offer.partner_payments]) {
    if (!Array.isArray(list)) continue;
    for (const payment of list) {
      if (typeof payment !== "object" || payment === null) continue;
      const record = payment as Record<string, unknown>;
      if (typeof record.id !== "string") continue;
      const fields: Record<string, string> = {};
      for (const name of UNMANAGED_PAYMENT_FIELDS) {
        const value = record[name];
        if (typeof value === "string" && value !== "") fields[name] = value;
        else if (typeof value === "number") fields[name] = String(value);
      }
      if (Object.keys(fields).length > 0) found.set(record.id, fields);
    }
  }
  return found;
}
