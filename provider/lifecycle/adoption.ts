/**
 * `adoptId` is the user's consent to manage an existing offer. It is refused — in `check`, so the
 * preview already says so — when the offer does not exist or another resource (of this stack or
 * another) manages it; and within one run, when two resources name the same offer.
 */
import type { AffiseClient } from "../affise/client";
import type { CheckFailure } from "../check";
import { adoptionConflict } from "./ownership";
import type { CheckedOffer } from "../types";
import { containsUnknown } from "../unknowns";

/** Offers being adopted by this provider process: `<tenant> <offer id>` → resource name. */
const adopting = new Map<string, string>();

export async function checkAdoption(
  client: AffiseClient,
  tenant: string,
  olds: Record<string, unknown>,
  offer: CheckedOffer,
): Promise<CheckFailure[]> {
  const id = offer.adoptId;
  if (id === undefined || containsUnknown(offer) || String(olds.adoptId) === String(id)) return [];
  const existing = await client.getOffer(String(id));
  const reason = !existing
    ? "Affise has no offer with this id"
    : (adoptionConflict(existing, offer) ?? claimedBy(tenant, existing.id, offer.resourceName));
  return reason ? [{ property: "adoptId", reason: `${id}: ${reason}` }] : [];
}

/** Records that `name` adopts offer `id`; refuses a second resource naming the same offer. */
export function claimAdoption(tenant: string, id: string, name: string | undefined): void {
  const reason = claimedBy(tenant, id, name);
  if (reason) throw new Error(`adoptId ${id}: ${reason}`);
  adopting.set(`${tenant} ${id}`, name ?? "");
}

function claimedBy(tenant: string, id: string, name: string | undefined): string | undefined {
  const other = adopting.get(`${tenant} ${id}`);
  if (other === undefined || other === (name ?? "")) return undefined;
  return `affise.Offer "${other}" adopts this offer in the same run; one offer can be managed by one resource only`;
}
