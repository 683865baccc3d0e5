/**
 * Codes checked against the Affise tenant's own lists, where the list is the truth: its enabled
 * currencies, device types and OS names. Goals are not among them: a payment's goal is free
 * text and `/3.0/goals` lists goal titles. Fetched at most once per provider process and tenant,
 * and only when an offer brings a code its old inputs did not have — so a preview with nothing
 * new makes no request at all.
 */
import { AffiseClient, type TenantLists } from "../affise/client";
import type { AffiseConnection } from "../affise/connection";
import type { CheckFailure } from "../check";
import { formatPath } from "../check";

const fetched = new Map<string, Promise<TenantLists>>();

type Kind = "currency" | "device" | "os";

interface CodeUse {
  kind: Kind;
  value: string;
  path: (string | number)[];
}

export async function checkAgainstTenant(
  connection: AffiseConnection,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<CheckFailure[]> {
  const known = new Set(codesIn(olds).map(useKey));
  const fresh = codesIn(news).filter((use) => !known.has(useKey(use)));
  if (fresh.length === 0) return [];
  const lists = await listsFor(connection);
  return fresh.flatMap((use) => {
    const allowed = allowedValues(lists, use.kind);
    const ok = allowed.some((value) => sameCode(use.kind, value, use.value));
    if (ok) return [];
    return [
      {
        property: formatPath(use.path),
        reason: `${use.value} is not ${DESCRIPTION[use.kind]} in this Affise account; it has: ${allowed.join(", ")}`,
      },
    ];
  });
}

function listsFor(connection: AffiseConnection): Promise<TenantLists> {
  let lists = fetched.get(connection.apiUrl);
  if (!lists) {
    lists = new AffiseClient(connection).getTenantLists();
    fetched.set(connection.apiUrl, lists);
    lists.catch(() => fetched.delete(connection.apiUrl));
  }
  return lists;
}

const DESCRIPTION: Record<Kind, string> = {
  currency: "an enabled currency",
  device: "a device type",
  os: "an OS name",
};

function allowedValues(lists: TenantLists, kind: Kind): string[] {
  if (kind === "currency") return lists.currencies;
  if (kind === "device") return lists.devices;
  return lists.oses;
}

function sameCode(kind: Kind, allowed: string, value: string): boolean {
  if (kind === "currency" || kind === "device")
    return allowed.toLowerCase() === value.toLowerCase();
  return allowed === value;
}

const useKey = (use: CodeUse) =>
  `${use.kind}:${use.kind === "currency" ? use.value.toUpperCase() : use.value}`;

/** Every code an offer uses, with where it is written (the user's own order). */
function codesIn(offer: Record<string, unknown>): CodeUse[] {
  const uses: CodeUse[] = [];
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  for (const listName of ["payments", "partnerPayments"]) {
    list(offer[listName]).forEach((payment, i) => {
      const p = (payment ?? {}) as Record<string, unknown>;
      if (p.currency !== undefined)
        uses.push({ kind: "currency", value: String(p.currency), path: [listName, i, "currency"] });
      list(p.devices).forEach((d, j) =>
        uses.push({ kind: "device", value: String(d), path: [listName, i, "devices", j] }),
      );
      list(p.os).forEach((o, j) =>
        uses.push({ kind: "os", value: String(o), path: [listName, i, "os", j] }),
      );
    });
  }
  list(offer.targeting).forEach((group, i) => {
    const g = (group ?? {}) as Record<string, unknown>;
    list(g.devices).forEach((d, j) =>
      uses.push({ kind: "device", value: String(d), path: ["targeting", i, "devices", j] }),
    );
    list(g.os).forEach((rule, j) =>
      uses.push({
        kind: "os",
        value: String((rule as { name?: unknown }).name),
        path: ["targeting", i, "os", j, "name"],
      }),
    );
  });
  return uses;
}
