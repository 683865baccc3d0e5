/**
 * What an adoption changes in Affise, which no preview can show: the engine has no state for the
 * offer yet, so it shows a create. Read from Affise through the provider's own reader (the code a
 * refresh runs), the offer's current values are what the change replaces, compared with the
 * file's checked inputs as the preview printed them — the very values `pulumi up` writes.
 */
import type { AffiseOffer } from "../provider/affise/offer";
import { inputsFromState, stateFromAffise } from "../provider/read-model";
import type { CheckedOffer } from "../provider/types";
import type { OfferChange, OfferInputs, TakenOver } from "./offer-changes";

/** The reads it needs: `AffiseClient` has them. */
export interface AffiseOfferReader {
  getOffer(id: string): Promise<AffiseOffer | undefined>;
  getEnabledAffiliates(id: string): Promise<number[]>;
}

/** Each offer a change takes over, with its values in Affise, or the reason it has none. */
export function readAdoptedOffers(
  changes: OfferChange[],
  reader: AffiseOfferReader,
): Promise<OfferChange[]> {
  return Promise.all(
    changes.map(async (change) =>
      change.takenOver && change.after
        ? { ...change, takenOver: await readTakenOver(change.takenOver, change.after, reader) }
        : change,
    ),
  );
}

async function readTakenOver(
  takenOver: TakenOver,
  after: OfferInputs,
  reader: AffiseOfferReader,
): Promise<TakenOver> {
  const { id } = takenOver;
  if (!id) return { ...takenOver, unread: "its adoptId is not known until the change is applied" };
  if (after.apiUrl !== undefined) {
    return {
      ...takenOver,
      unread: "it names an Affise account of its own (apiUrl), whose key the review does not have",
    };
  }
  const declared = after as Partial<CheckedOffer>;
  // A failed read leaves this one offer unread; the review of every other offer still stands.
  try {
    const offer = await reader.getOffer(id);
    if (!offer) return { ...takenOver, unread: `Affise has no offer ${id}` };
    const affiliates =
      declared.enabledAffiliates !== undefined ? await reader.getEnabledAffiliates(id) : undefined;
    const values = inputsFromState(stateFromAffise(offer, declared, affiliates));
    return { ...takenOver, values: values as unknown as OfferInputs };
  } catch (error) {
    return { ...takenOver, unread: `reading it failed: ${(error as Error).message}` };
  }
}
