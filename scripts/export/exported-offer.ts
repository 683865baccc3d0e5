/**
 * An Affise offer → the inputs its offer file must declare, read with the provider's own reader
 * (stateFromAffise, inputsFromState): what `check` makes of the file is exactly what a refresh
 * would report, so adopting an unchanged export writes nothing to the offer itself.
 */
import { earliestToday } from "../../provider/dates";
import { FIELDS, WHILE_DECLARED } from "../../provider/fields/table";
import type { AffiseOffer } from "../../provider/affise/offer";
import { inputsFromState, stateFromAffise } from "../../provider/read-model";
import type { CheckedOffer } from "../../provider/types";

/** Affise fields the reader turns into inputs, or that identify the offer. */
const READ_FIELDS = new Set([
  "id",
  "offer_id",
  ...FIELDS.flatMap(([, field]) => (field.sent === "form" ? field.wire : [])),
]);

/** Statistics and bookkeeping Affise computes: nothing anyone declares. */
const COMPUTED_FIELDS = new Set(["cr", "epc", "created_at", "updated_at"]);

/** Optional fields an export declares when Affise has a value for them. */
const EXPORTED_FIELDS = WHILE_DECLARED;

/** Markers pulumi-affise writes to external_offer_id; the last part is the resource name. */
const MARKERS = [/^pulumi\/[^/]+\/[^/]+\/(.+)$/, /^pulumi-affise:[^:]+:(.+)$/];

export interface ExportedOffer {
  id: string;
  offerId: string;
  title: string;
  /** The resource name in the pulumi-affise marker the offer carries, if it carries one. */
  markedName?: string;
  /** What `check` must make of the offer's file. */
  inputs: CheckedOffer;
  /** Affise fields with a value that pulumi-affise does not manage, sorted. */
  unmanaged: string[];
}

/**
 * `enabledAffiliates` is read (and exported) only when given: it costs a request per offer and
 * only means something for protected and private offers.
 */
export function exportedOffer(
  offer: AffiseOffer,
  enabledAffiliates: number[] | undefined,
  now: Date,
): ExportedOffer {
  const manageAll: Record<string, unknown> = { deletePolicy: "stop", adoptId: Number(offer.id) };
  for (const field of EXPORTED_FIELDS) manageAll[field] = true;
  if (enabledAffiliates === undefined) delete manageAll.enabledAffiliates;
  const state = stateFromAffise(offer, manageAll as Partial<CheckedOffer>, enabledAffiliates);
  const inputs = inputsFromState(state);
  const record = inputs as unknown as Record<string, unknown>;
  // A field Affise has no value for stays undeclared: left alone, as before the export.
  for (const field of EXPORTED_FIELDS) if (isEmpty(record[field])) delete record[field];
  // A start already past is history, not a setting: Affise refuses it as a new start date, and
  // an undeclared startAt is left as it is.
  if (inputs.startAt !== undefined && inputs.startAt.slice(0, 10) < earliestToday(now))
    delete inputs.startAt;
  const markedName = markerName(offer.external_offer_id);
  // The marker is the default the Offer writes itself: declaring it would pin another stack's.
  if (markedName !== undefined || offer.external_offer_id === "") delete inputs.externalOfferId;
  return {
    id: offer.id,
    offerId: offer.offer_id,
    title: inputs.title,
    markedName,
    inputs,
    unmanaged: unmanagedFields(offer),
  };
}

export function markerName(externalOfferId: string): string | undefined {
  for (const marker of MARKERS) {
    const match = marker.exec(externalOfferId);
    if (match) return match[1];
  }
  return undefined;
}

function unmanagedFields(offer: AffiseOffer): string[] {
  return Object.keys(offer)
    .filter((key) => !READ_FIELDS.has(key) && !COMPUTED_FIELDS.has(key))
    .filter((key) => !isEmpty(offer[key]) && offer[key] !== false && offer[key] !== 0)
    .sort();
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.values(value).every(isEmpty);
  return false;
}
