/**
 * Offer → Affise form body, in the shape of Affise's own help-centre example: PHP-style brackets,
 * `payments[0][countries][]=RU` for lists of values and `payments[0][total]=100` for objects.
 */
import * as qs from "qs";
import { SUB_KEYS } from "./schema";
import type { CheckedOffer, StoredPartnerPayment, StoredPayment } from "./types";

export interface EncodeOptions {
  /**
   * "create" leaves out what is empty, as the help-centre example does. "edit" also sends empty
   * lists and blank texts (Affise's way to clear them), because an edit keeps whatever it omits.
   */
  mode?: "create" | "edit";
}

type OfferToEncode = Pick<CheckedOffer, "title" | "advertiser" | "url" | "externalOfferId"> & {
  payments: StoredPayment[];
  partnerPayments?: StoredPartnerPayment[];
};

type FormFields = Record<string, string | string[]>;

export function encodeOfferForm(offer: OfferToEncode, options: EncodeOptions = {}): string {
  const edit = options.mode === "edit";
  const fields: FormFields = {
    title: offer.title,
    advertiser: offer.advertiser,
    url: offer.url,
  };
  if (offer.externalOfferId !== undefined) fields.external_offer_id = offer.externalOfferId;
  offer.payments.forEach((payment, i) => addPayment(fields, `payments[${i}]`, payment, edit));
  const partnerPayments = offer.partnerPayments ?? [];
  partnerPayments.forEach((payment, i) => {
    addPayment(fields, `partner_payments[${i}]`, payment, edit);
    fields[`partner_payments[${i}][partners][]`] = payment.partners.map(String);
  });
  // An edit that does not mention partner_payments keeps the stored ones; an empty value clears them.
  if (edit && partnerPayments.length === 0) fields.partner_payments = "";
  return qs.stringify(fields, { arrayFormat: "repeat", encodeValuesOnly: true });
}

function addPayment(
  fields: FormFields,
  prefix: string,
  payment: StoredPayment,
  edit: boolean,
): void {
  if (payment.id !== undefined) fields[`${prefix}[id]`] = payment.id;
  addList(fields, `${prefix}[countries]`, payment.countries, edit);
  fields[`${prefix}[country_exclude]`] = payment.countryExclude ? "1" : "0";
  addList(fields, `${prefix}[cities]`, payment.cities.map(String), edit);
  addList(fields, `${prefix}[devices]`, payment.devices, edit);
  addList(fields, `${prefix}[os]`, payment.os, edit);
  fields[`${prefix}[goal]`] = payment.goal;
  fields[`${prefix}[total]`] = String(payment.total);
  fields[`${prefix}[revenue]`] = String(payment.revenue);
  fields[`${prefix}[currency]`] = payment.currency;
  fields[`${prefix}[type]`] = payment.type;
  for (const key of ["title", ...SUB_KEYS] as const) {
    const value = payment[key];
    if (value !== undefined) fields[`${prefix}[${key}]`] = value;
    else if (edit) fields[`${prefix}[${key}]`] = "";
  }
}

function addList(fields: FormFields, key: string, values: string[], edit: boolean): void {
  if (values.length > 0) fields[`${key}[]`] = values;
  else if (edit) fields[key] = "";
}
