/**
 * The advertiser checked against the account's own advertisers (`/3.0/admin/advertisers`), so an
 * unknown id is a check failure, not Affise's refusal halfway through an up. Fetched at most once
 * per provider process and account, and only when an offer names an advertiser its old inputs did
 * not: a preview with nothing new asks Affise nothing.
 */
import { AffiseClient } from "../affise/client";
import type { AffiseConnection } from "../affise/connection";
import type { CheckFailure } from "../check";

const fetched = new Map<string, Promise<Set<string>>>();

export async function checkAdvertiser(
  connection: AffiseConnection,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<CheckFailure[]> {
  const wanted = String(news.advertiser ?? "").toLowerCase();
  if (wanted === "" || wanted === String(olds.advertiser ?? "").toLowerCase()) return [];
  const known = await advertisersOf(connection);
  if (known.has(wanted)) return [];
  return [
    {
      property: "advertiser",
      reason: `${wanted} is not an advertiser in this Affise account (see /3.0/admin/advertisers)`,
    },
  ];
}

function advertisersOf(connection: AffiseConnection): Promise<Set<string>> {
  let ids = fetched.get(connection.apiUrl);
  if (!ids) {
    ids = new AffiseClient(connection)
      .listAdvertiserIds()
      .then((list) => new Set(list.map((id) => id.toLowerCase())));
    fetched.set(connection.apiUrl, ids);
    ids.catch(() => fetched.delete(connection.apiUrl));
  }
  return ids;
}
