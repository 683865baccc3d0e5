/**
 * Which Affise offers this provider may act on. An offer is provably this resource's only when its
 * external_offer_id is this resource's own marker: `pulumi-affise:<stack token>:<resource name>`,
 * where the stack token is a random value kept in the stack's state (see stack-mark.ts). Anything
 * else found in Affise is someone else's until the user names it with `adoptId`.
 */
import type { AffiseOffer } from "../affise/offer";

const PREFIX = "pulumi-affise";

/** The marker an offer created by resource `name` of the stack holding `token` carries. */
export function ownMarker(token: string, name: string): string {
  return `${PREFIX}:${token}:${name}`;
}

interface Marker {
  token: string;
  name: string;
}

/** The stack token and resource name in a marker this tool wrote, if it is one. */
export function parseMarker(externalOfferId: unknown): Marker | undefined {
  if (typeof externalOfferId !== "string") return undefined;
  const match = /^pulumi-affise:([^:]+):(.+)$/.exec(externalOfferId);
  return match ? { token: match[1], name: match[2] } : undefined;
}

export interface Claimant {
  stackToken?: string;
  resourceName?: string;
}

/** True when `offer` carries exactly the marker of `claimant` (this stack, this resource). */
export function isProvablyOurs(offer: AffiseOffer, claimant: Claimant): boolean {
  if (!claimant.stackToken || !claimant.resourceName) return false;
  return offer.external_offer_id === ownMarker(claimant.stackToken, claimant.resourceName);
}

/**
 * Why `adoptId` may not take `offer`: another resource of this stack, or another stack, manages
 * it. Undefined when adopting it is the user's call to make.
 */
export function adoptionConflict(offer: AffiseOffer, claimant: Claimant): string | undefined {
  const marker = parseMarker(offer.external_offer_id);
  if (!marker || isProvablyOurs(offer, claimant)) return undefined;
  if (claimant.stackToken && marker.token === claimant.stackToken) {
    return (
      `Affise offer ${offer.id} is already managed by affise.Offer "${marker.name}" of this stack; ` +
      "one offer can be managed by one resource only (remove one of the two declarations)"
    );
  }
  return (
    `Affise offer ${offer.id} is managed by another pulumi-affise stack (its external_offer_id is ` +
    `"${offer.external_offer_id}"); remove it from that stack first (deletePolicy: stop, then ` +
    "delete the resource there) or clear its external_offer_id in Affise, then adopt it here"
  );
}

/** The refusal for offers found by the marker that this resource cannot prove it created. */
export function notProvablyOursError(marker: string, offers: AffiseOffer[]): Error {
  const ids = offers.map((o) => o.id);
  const which = ids.length === 1 ? `Affise offer ${ids[0]}` : `Affise offers ${ids.join(", ")}`;
  return new Error(
    `${which} already ${ids.length === 1 ? "carries" : "carry"} external_offer_id "${marker}", ` +
      "but nothing proves this stack created it, so it was not touched and nothing was created. " +
      `To manage it with this resource, set adoptId: ${ids[0]}; otherwise change externalOfferId.`,
  );
}
