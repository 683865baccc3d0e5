/**
 * The offer's fields, each declared once, in the order the JSON Schema, the README and an
 * exported offer file list them. `check`, `diff`, the form encoder, the reader, the export and the
 * JSON Schema are loops over this table; its type asks for one entry per field of `CheckedOffer`,
 * with every part its kind needs.
 */
import type { CheckedOffer, OfferState } from "../types";
import { caps } from "./caps";
import type { AnyOfferField, OfferField } from "./field";
import { advertiser, externalOfferId, title, url } from "./identity";
import { landings } from "./landings";
import { partnerPayments, payments } from "./payments";
import { adoptId, apiKey, apiUrl, deletePolicy, enabledAffiliates } from "./provider-only";
import { holdPeriod, holdType, isCpi, isTop, privacy, startAt, status, stopDate } from "./settings";
import { targeting } from "./targeting";
import { categories, description, kpi, notes, tags, trafficbackUrl, urlPreview } from "./texts";

/** Inputs the `Offer` resource adds itself; not part of what a user declares. */
export const INTERNAL_INPUTS = ["__provider", "resourceName", "stackToken"] as const;

export type FieldName = Exclude<keyof CheckedOffer, (typeof INTERNAL_INPUTS)[number]>;

type Stored<K> = K extends keyof OfferState ? NonNullable<OfferState[K]> : never;

type FieldTable = {
  readonly [K in FieldName]: OfferField<NonNullable<CheckedOffer[K]>, Stored<K>>;
};

export const OFFER_FIELDS = {
  title,
  advertiser,
  url,
  payments,
  partnerPayments,
  externalOfferId,
  adoptId,
  deletePolicy,
  status,
  privacy,
  description,
  kpi,
  notes,
  tags,
  categories,
  urlPreview,
  trafficbackUrl,
  holdPeriod,
  holdType,
  startAt,
  stopDate,
  isTop,
  isCpi,
  caps,
  landings,
  targeting,
  enabledAffiliates,
  apiUrl,
  apiKey,
} satisfies FieldTable;

/** Each field's schema, with its own type: what `z.input` of the offer schema is made of. */
export type OfferShape = { [K in FieldName]: (typeof OFFER_FIELDS)[K]["schema"] };

export const FIELDS = Object.entries(OFFER_FIELDS) as [FieldName, AnyOfferField][];

export const named = (keep: (field: AnyOfferField) => boolean) =>
  FIELDS.filter(([, field]) => keep(field)).map(([name]) => name);

/** Sent in the offer's form: a change to any of them is one edit request. */
export const FORM_FIELDS = named((field) => field.sent === "form");
/** Managed only while declared (Affise's value left alone until then). */
export const WHILE_DECLARED = named((field) => field.managed === "while declared");
/** Only the provider uses them: a change needs no request. */
export const NO_REQUEST_FIELDS = named(
  (field) => field.sent === "never" && field.change === "no request",
);
/** Item lists whose items carry Affise's ids. */
export const FIELDS_WITH_IDS = named((field) => field.sent === "form" && field.ids !== undefined);
