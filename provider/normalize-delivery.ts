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
  return items
    .map((item) => ({ item, key: canonicalJson(item) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ item }) => item);
}

/**
 * JSON with keys sorted at every level and `id` left out: equal for equal content. Written out
 * by hand because check and diff call it for every item of every offer (a replacer function made
 * JSON.stringify several times slower).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const object = value as Raw;
  const keys = Object.keys(object)
    .filter((key) => key !== "id" && object[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(",")}}`;
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
