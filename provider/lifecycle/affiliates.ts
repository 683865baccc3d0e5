/**
 * Which affiliates may run a protected or private offer. Affise keeps this list apart from the
 * offer: one enable-affiliate or disable-affiliate request per affiliate, and its own endpoint to
 * read it back. Diffed as a set, so only the affiliates that changed cost a request.
 */
import type { AffiseClient } from "../affise/client";

export async function syncAffiliates(
  client: AffiseClient,
  offerId: string,
  declared: number[],
  current: number[],
): Promise<void> {
  const enable = declared.filter((affiliate) => !current.includes(affiliate));
  const disable = current.filter((affiliate) => !declared.includes(affiliate));
  for (const affiliate of enable) await client.setAffiliateAccess(offerId, affiliate, true);
  for (const affiliate of disable) await client.setAffiliateAccess(offerId, affiliate, false);
}
