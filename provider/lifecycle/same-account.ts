/**
 * An offer's apiUrl changed to a name the URL rules cannot prove is the same account (localhost
 * for 127.0.0.1, a proxy's host). Asking settles it: if the new address answers for this offer's
 * id with the same offer_id (24 hex, which no two offers share), it is the same account and only
 * the spelling changed. Then nothing moves, so nothing is created and nothing deleted — a replace
 * would create (find this very offer) and then delete it, and a run killed in between would
 * leave that delete to a process that no longer knows the offer is kept.
 */
import { AffiseClient } from "../affise/client";
import type { AffiseConnection } from "../affise/connection";
import type { OfferState } from "../types";

export async function reachesSameOffer(
  connection: AffiseConnection,
  id: string,
  previous: Partial<OfferState>,
): Promise<boolean> {
  if (!previous.offerId) return false;
  const found = await new AffiseClient(connection).getOffer(id);
  return found !== undefined && found.offer_id === previous.offerId;
}
