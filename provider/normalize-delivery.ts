/** Canonical form of caps, landings and targeting groups (see normalize.ts for why). */
import type {
  CapScope,
  CheckedCap,
  CheckedLanding,
  CheckedOsRule,
  CheckedTargetingGroup,
  ConnectionType,
  Device,
  LandingType,
  OsComparison,
  TargetingCondition,
} from "./types";
import { containsUnknown, isUnknown } from "./unknowns";

type Raw = Record<string, unknown>;

export function normalizeCap(raw: Raw): CheckedCap {
  const scoped = (scopeKey: string, list: unknown[]): CapScope =>
    (raw[scopeKey] as CapScope | undefined) ?? (list.length > 0 ? "exact" : "all");
  const goals = textSet(raw.goals);
  const affiliates = numberSet(raw.affiliates);
  const countries = textSet(raw.countries, (c) => c.toUpperCase());
  return {
    period: raw.period as CheckedCap["period"],
    type: raw.type as CheckedCap["type"],
    value: Number(raw.value),
    goalType: scoped("goalType", goals),
    goals,
    affiliateType: scoped("affiliateType", affiliates),
    affiliates,
    countryType: scoped("countryType", countries),
    countries,
  };
}

export function normalizeLanding(raw: Raw): CheckedLanding {
  return {
    title: String(raw.title).trim(),
    url: String(raw.url).trim(),
    urlPreview: String(raw.urlPreview).trim(),
    type: (raw.type as LandingType | undefined) ?? "landing",
  };
}

export function normalizeTargetingGroup(raw: Raw): CheckedTargetingGroup {
  const countries = (raw.countries ?? {}) as Raw;
  return {
    name: String(raw.name ?? ""),
    condition: (raw.condition as TargetingCondition | undefined) ?? "and",
    enabled: raw.enabled === undefined ? true : Boolean(raw.enabled),
    countries: {
      allow: textSet(countries.allow, (c) => c.toUpperCase()),
      deny: textSet(countries.deny, (c) => c.toUpperCase()),
    },
    os: sortCanonically(((raw.os ?? []) as Raw[]).map(normalizeOsRule)),
    osDeny: Boolean(raw.osDeny ?? false),
    devices: textSet(raw.devices, (d) => d.toLowerCase()) as Device[],
    devicesDeny: Boolean(raw.devicesDeny ?? false),
    connections: textSet(raw.connections, (c) => c.toLowerCase()) as ConnectionType[],
    connectionsDeny: Boolean(raw.connectionsDeny ?? false),
  };
}

function normalizeOsRule(raw: Raw): CheckedOsRule {
  const rule: CheckedOsRule = { name: String(raw.name).trim() };
  if (raw.comparison !== undefined && raw.comparison !== "") {
    rule.comparison = String(raw.comparison).toUpperCase() as OsComparison;
  }
  if (raw.version !== undefined && raw.version !== "") rule.version = String(raw.version).trim();
  return rule;
}

/** Lists whose order means nothing to Affise are sorted by content, ids left out. */
export function sortCanonically<T extends object>(items: T[]): T[] {
  if (items.some(containsUnknown)) return items;
  const key = (item: T) => canonicalJson(item);
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** JSON with keys sorted at every level and `id` left out: equal for equal content. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Raw)
            .filter(([k]) => k !== "id")
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export function textSet(
  value: unknown,
  canonical: (text: string) => string = (t) => t.trim(),
): string[] {
  if (value === undefined || value === null) return [];
  if (containsUnknown(value)) return value as string[];
  return [...new Set((value as unknown[]).map((v) => canonical(String(v))))].sort();
}

export function numberSet(value: unknown): number[] {
  if (value === undefined || value === null) return [];
  if (containsUnknown(value)) return value as number[];
  return [...new Set((value as unknown[]).map(Number))].sort((a, b) => a - b);
}

export function keepUnknown<T>(value: unknown, normalise: (value: unknown) => T): T {
  return isUnknown(value) ? (value as T) : normalise(value);
}
