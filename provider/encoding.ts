/**
 * Offer → Affise form body, in the shape of Affise's own help-centre example: PHP-style brackets,
 * `payments[0][countries][]=RU` for lists of values and `payments[0][total]=100` for objects. Each
 * field writes itself (the field table); this file decides which fields an edit sends.
 */
import * as qs from "qs";
import { checkOffer } from "./check";
import type { EncodeContext, FormFields } from "./fields/field";
import { FIELDS, type FieldName } from "./fields/table";
import type { OfferSchemaInput } from "./schema";
import type { UnmanagedPaymentFields } from "./unmanaged-payment-fields";
import type { CheckedOffer, OfferState, StoredPartnerPayment, StoredPayment } from "./types";

export interface EncodeOptions {
  /**
   * "create" leaves out what is empty, as the help-centre example does. "edit" also sends empty
   * lists and blank texts (Affise's way to clear them), because an edit keeps whatever it omits.
   */
  mode?: "create" | "edit";
  /** Fields managed while declared and no longer declared: an edit clears them in Affise. */
  clear?: FieldName[];
  /**
   * Fields not to send: Affise keeps them as they are, with every sub-field the provider does not
   * manage (an unchanged payment's custom fields), and an unchanged startAt is not refused as past.
   */
  omit?: FieldName[];
  /** Fields Affise holds on a payment that the provider does not model, resent with it by id. */
  unmanaged?: UnmanagedPaymentFields;
}

export type OfferToEncode = Partial<Omit<OfferState, "offerId">> &
  Pick<CheckedOffer, "title" | "advertiser" | "url"> & {
    payments: StoredPayment[];
    partnerPayments?: StoredPartnerPayment[];
  };

/** The form body for checked inputs (with the Affise ids of the items they continue). */
export function offerForm(offer: OfferToEncode, options: EncodeOptions = {}): string {
  const edit = options.mode === "edit";
  const context: EncodeContext = { edit, unmanaged: options.unmanaged ?? new Map() };
  const cleared = new Set(edit ? (options.clear ?? []) : []);
  const omitted = new Set(options.omit ?? []);
  const form: FormFields = {};
  for (const [name, field] of FIELDS) {
    if (field.sent !== "form" || omitted.has(name)) continue;
    const value = (offer as Record<string, unknown>)[name];
    if (value !== undefined) field.encode(value, form, context);
    else if (cleared.has(name) && field.managed === "while declared" && field.clearable) {
      field.encode(field.empty, form, context);
    }
  }
  return qs.stringify(form, { arrayFormat: "repeat", encodeValuesOnly: true });
}

/**
 * The form body that creates the offer a program declares (as `new affise.Offer` takes it, with
 * plain values): checked as `pulumi up` checks it, then encoded. Throws naming each field refused.
 */
export function encodeOfferForm(declared: OfferSchemaInput): string {
  const { inputs, failures } = checkOffer(declared as Record<string, unknown>);
  if (failures.length > 0) {
    const problems = failures.map(({ property, reason }) => `${property} ${reason}`);
    throw new Error(`the offer is not valid: ${problems.join("; ")}`);
  }
  return offerForm(inputs);
}
