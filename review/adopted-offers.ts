/**
 * What an adoption changes in Affise, which no preview can show: the engine has no state for the
 * offer yet, so it shows a create. Read from Affise through the provider's own reader (the code a
 * refresh runs), the offer's current values become the adoption's "before", compared with the
 * file's checked inputs as the preview printed them — the very values `pulumi up` writes.
 */
import type { AffiseOffer } from "../provider/affise/offer";
import { inputsFromState, stateFromAffise } from "../provider/read-model";
import type { CheckedOffer } from "../provider/types";
import type { OfferChange, OfferInputs } from "./offer-changes";

/** The reads it needs: `AffiseClient` has them. */
export interface AffiseOfferReader {
  getOffer(id: string): Promise<AffiseOffer | undefined>;
  getEnabledAffiliates(id: string): Promise<number[]>;
}

/** Each adoption with its offer's values in Affise as `before`, or the reason it has none. */
export function readAdoptedOffers(
  changes: OfferChange[],
  reader: AffiseOfferReader,
): Promise<OfferChange[]> {
  return Promise.all(
    changes.map((change) =>
      change.verdict === "adopt" && change.after
        ? readAdoption(change, change.after, reader)
        : change,
    ),
  );
}

async function readAdoption(
  change: OfferChange,
  after: OfferInputs,
  reader: AffiseOfferReader,
): Promise<OfferChange> {
  if (!change.id)
    return { ...change, unread: "its adoptId is not known until the change is applied" };
  if (after.apiUrl !== undefined) {
    return {
      ...change,
      unread: "it names an Affise account of its own (apiUrl), whose key the review does not have",
    };
  }
  const declared = after as Partial<CheckedOffer>;
  // A failed read leaves this one adoption unread; the review of every other offer still stands.
  try {
    const offer = await reader.getOffer(change.id);
    if (!offer) return { ...change, unread: `Affise has no offer ${change.id}` };
    const affiliates =
      declared.enabledAffiliates !== undefined
        ? await reader.getEnabledAffiliates(change.id)
        : undefined;
    const before = inputsFromState(stateFromAffise(offer, declared, affiliates));
    return { ...change, before: before as unknown as OfferInputs };
  } catch (error) {
    return { ...change, unread: `reading it failed: ${(error as Error).message}` };
  }
}
