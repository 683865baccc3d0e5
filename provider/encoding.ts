/**
 * Offer → Affise form body, in the shape of Affise's own help-centre example: PHP-style brackets,
 * `payments[0][countries][]=RU` for lists of values and `payments[0][total]=100` for objects.
 */
import * as qs from "qs";
import { decimalText } from "./decimal";
import {
  addCaps,
  addLandings,
  addLanguageTexts,
  addTargeting,
  type FormFields,
} from "./encoding-delivery";
import { OPTIONAL_FIELDS, type OptionalField } from "./normalize";
import { SUB_KEYS } from "./schema";
import type { UnmanagedPaymentFields } from "./unmanaged-payment-fields";
import type {
  CheckedCap,
  CheckedOffer,
  OfferState,
  StoredLanding,
  StoredPartnerPayment,
  StoredPayment,
  StoredTargetingGroup,
} from "./types";

export interface EncodeOptions {
  /**
   * "create" leaves out what is empty, as the help-centre example does. "edit" also sends empty
   * lists and blank texts (Affise's way to clear them), because an edit keeps whatever it omits.
   */
  mode?: "create" | "edit";
  /** Optional fields no longer declared: an edit clears them in Affise. */
  clear?: OptionalField[];
  /** Fields not to send (e.g. an unchanged startAt: Affise refuses a start date in the past). */
  omit?: OptionalField[];
  /**
   * Payment lists an edit leaves alone because they did not change: not sent, so Affise keeps
   * them as they are, with every sub-field the provider does not manage (custom fields, regions).
   */
  keep?: ("payments" | "partnerPayments")[];
  /** Fields Affise holds on a payment that the provider does not model, resent with it by id. */
  unmanaged?: UnmanagedPaymentFields;
}

type OfferToEncode = Partial<Omit<OfferState, "offerId">> &
  Pick<CheckedOffer, "title" | "advertiser" | "url"> & {
    payments: StoredPayment[];
    partnerPayments?: StoredPartnerPayment[];
  };

export function encodeOfferForm(offer: OfferToEncode, options: EncodeOptions = {}): string {
  const edit = options.mode === "edit";
  const fields: FormFields = {
    title: offer.title,
    advertiser: offer.advertiser,
    url: offer.url,
  };
  if (offer.externalOfferId !== undefined) fields.external_offer_id = offer.externalOfferId;
  addOfferSettings(fields, offer);
  const cleared = new Set(edit ? (options.clear ?? []) : []);
  const omitted = new Set(options.omit ?? []);
  for (const field of Object.keys(OPTIONAL_FIELDS) as OptionalField[]) {
    if (omitted.has(field)) continue;
    const value = offer[field];
    if (value !== undefined) addOptional(fields, field, value);
    else if (cleared.has(field)) addOptional(fields, field, EMPTY[field]);
  }
  const kept = new Set(edit ? (options.keep ?? []) : []);
  const unmanaged = options.unmanaged ?? new Map<string, Record<string, string>>();
  const carryOver = (prefix: string, payment: StoredPayment) => {
    const extra = payment.id === undefined ? undefined : unmanaged.get(payment.id);
    for (const [name, value] of Object.entries(extra ?? {})) fields[`${prefix}[${name}]`] = value;
  };
  if (!kept.has("payments")) {
    offer.payments.forEach((payment, i) => {
      addPayment(fields, `payments[${i}]`, payment, edit);
      carryOver(`payments[${i}]`, payment);
    });
  }
  if (!kept.has("partnerPayments")) {
    const partnerPayments = offer.partnerPayments ?? [];
    partnerPayments.forEach((payment, i) => {
      addPayment(fields, `partner_payments[${i}]`, payment, edit);
      carryOver(`partner_payments[${i}]`, payment);
      fields[`partner_payments[${i}][partners][]`] = payment.partners.map(String);
    });
    // An edit that does not mention partner_payments keeps the stored ones; an empty value clears them.
    if (edit && partnerPayments.length === 0) fields.partner_payments = "";
  }
  return qs.stringify(fields, { arrayFormat: "repeat", encodeValuesOnly: true });
}

/** The settings `check` always writes out (status, privacy, hold, flags): always sent. */
function addOfferSettings(fields: FormFields, offer: OfferToEncode): void {
  if (offer.status !== undefined) fields.status = offer.status;
  if (offer.privacy !== undefined) fields.privacy = offer.privacy;
  if (offer.holdPeriod !== undefined) fields.hold_period = String(offer.holdPeriod);
  if (offer.holdType !== undefined) fields.hold_type = offer.holdType;
  if (offer.isTop !== undefined) fields.is_top = offer.isTop ? "1" : "0";
  if (offer.isCpi !== undefined) fields.is_cpi = offer.isCpi ? "1" : "0";
}

/** How a cleared optional field is sent. Affise has no "no start date": startAt is never cleared. */
const EMPTY: Record<OptionalField, unknown> = {
  description: {},
  kpi: {},
  notes: "",
  tags: [],
  categories: [],
  urlPreview: "",
  trafficbackUrl: "",
  startAt: undefined,
  stopDate: "",
  caps: [],
  landings: [],
  targeting: [],
  enabledAffiliates: undefined,
  apiUrl: undefined,
  apiKey: undefined,
};

function addOptional(fields: FormFields, field: OptionalField, value: unknown): void {
  switch (field) {
    case "description":
      return addLanguageTexts(fields, "description_lang", value as Record<string, string>);
    case "kpi":
      return addLanguageTexts(fields, "kpi", value as Record<string, string>);
    case "notes":
      fields.notes = value as string;
      return;
    case "tags":
    case "categories": {
      const list = value as string[];
      if (list.length > 0) fields[`${field}[]`] = list;
      else fields[field] = "";
      return;
    }
    case "urlPreview":
      fields.url_preview = value as string;
      return;
    case "trafficbackUrl":
      fields.trafficback_url = value as string;
      return;
    case "startAt":
      if (value !== undefined) fields.start_at = value as string;
      return;
    case "stopDate":
      fields.stopDate = value as string;
      return;
    case "caps":
      return addCaps(fields, value as CheckedCap[]);
    case "landings":
      return addLandings(fields, value as StoredLanding[]);
    case "targeting":
      return addTargeting(fields, value as StoredTargetingGroup[]);
    // Not offer fields: affiliates have their own endpoints, the connection is the provider's.
    case "enabledAffiliates":
    case "apiUrl":
    case "apiKey":
      return;
  }
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
  fields[`${prefix}[total]`] = decimalText(payment.total);
  fields[`${prefix}[revenue]`] = decimalText(payment.revenue);
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
