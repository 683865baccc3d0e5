/**
 * Offers a create in this provider process took over rather than made. A replace creates the new
 * resource, then deletes the old one; when the create found the very offer being replaced (the
 * same account spelled differently, say), the delete must leave it alone: the new resource holds
 * it. Keyed by Affise's offer_id (24 hex), which no two offers share.
 */
const held = new Set<string>();

export function recordTakeover(offerId: string | null | undefined): void {
  if (offerId) held.add(offerId);
}

export function isHeldByReplacement(offerId: string | undefined): boolean {
  return offerId !== undefined && offerId !== "" && held.has(offerId);
}
