import type { StoredCap } from "../model";
import { readCountryCodes } from "./codes";
import type { Issues } from "./issues";
import { readAmount, readEnum, readInteger, readList, readMap, readStringList } from "./values";

const PERIODS = ["hour", "day", "month", "all"] as const;
const TYPES = ["budget", "conversions", "clicks", "impressions"] as const;
const SCOPES = ["all", "each", "exact"] as const;

/**
 * `caps[i][period|type|value|goal_type|goals[]|affiliate_type|affiliates[]|country_type|country[]]`.
 * A scope of `exact` needs its list; `all`/`each` need it empty. Budget caps take decimals,
 * the others whole numbers. `caps=` removes every cap.
 */
export function readCaps(value: unknown, path: string, issues: Issues): StoredCap[] | undefined {
  const entries = readList(value, path, issues);
  if (entries === undefined) return undefined;
  const before = issues.count;
  const caps: StoredCap[] = [];
  for (const entry of entries) {
    const at = `${path}[${entry.index}]`;
    const fields = readMap(entry.value, at, issues);
    if (!fields) continue;
    const type = requiredEnum(fields.type, TYPES, `${at}.type`, issues);
    const goals = scoped(fields, "goal_type", "goals", at, issues, (v, p) =>
      (readStringList(v, p, issues) ?? []).map((goal) => goal.value),
    );
    const affiliates = scoped(fields, "affiliate_type", "affiliates", at, issues, (v, p) =>
      (readStringList(v, p, issues) ?? []).map(
        (a) => readInteger(a.value, a.path, issues, { min: 1 }) ?? 0,
      ),
    );
    const countries = scoped(
      fields,
      "country_type",
      "country",
      at,
      issues,
      (v, p) => readCountryCodes(v, p, issues) ?? [],
    );
    caps.push({
      period: requiredEnum(fields.period, PERIODS, `${at}.period`, issues) ?? "",
      type: type ?? "",
      value: readCapValue(fields.value, type ?? "", `${at}.value`, issues) ?? 0,
      goalType: goals.scope,
      goals: goals.list,
      affiliateType: affiliates.scope,
      affiliates: affiliates.list,
      countryType: countries.scope,
      countries: countries.list,
    });
  }
  return issues.count === before ? caps : undefined;
}

function readCapValue(
  value: unknown,
  type: string,
  path: string,
  issues: Issues,
): number | undefined {
  if (!required(value, path, issues)) return undefined;
  return type === "budget"
    ? readAmount(value, path, issues)
    : readInteger(value, path, issues, { min: 0 });
}

function scoped<T>(
  fields: Record<string, unknown>,
  scopeName: string,
  listName: string,
  at: string,
  issues: Issues,
  readItems: (value: unknown, path: string) => T[],
): { scope: string; list: T[] } {
  const scope =
    fields[scopeName] === undefined
      ? "all"
      : (readEnum(fields[scopeName], SCOPES, `${at}.${scopeName}`, issues) ?? "all");
  const list =
    fields[listName] === undefined ? [] : readItems(fields[listName], `${at}.${listName}`);
  if (scope === "exact" && list.length === 0)
    issues.add(`${at}.${listName}`, `is required when ${scopeName} is exact`);
  if (scope !== "exact" && list.length > 0)
    issues.add(`${at}.${listName}`, `is only allowed when ${scopeName} is exact`);
  return { scope, list };
}

function requiredEnum<T extends string>(
  value: unknown,
  allowed: readonly T[],
  path: string,
  issues: Issues,
): T | undefined {
  return required(value, path, issues) ? readEnum(value, allowed, path, issues) : undefined;
}

function required(value: unknown, path: string, issues: Issues): boolean {
  if (value !== undefined) return true;
  issues.add(path, "is required");
  return false;
}
