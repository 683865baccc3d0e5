import { newUuid, UUID_PATTERN } from "../ids";
import type { StoredOsRule, StoredTargetingGroup } from "../model";
import { CONNECTION_TYPES, DEVICES, OSES } from "../reference/catalog";
import { readCountryCodes } from "./codes";
import type { Issues } from "./issues";
import { readEnum, readFlag, readList, readMap, readStringList, readText } from "./values";

const CONDITIONS = ["and", "or"] as const;
const COMPARISONS = ["LT", "LTE", "EQ", "GT", "GTE"] as const;
// Targeting connections are only wi-fi or cellular ("other" exists in the lookup list only).
const TARGETABLE_CONNECTIONS = CONNECTION_TYPES.filter((type) => type !== "other");

/**
 * `targeting[i][…]` groups: countries allowed/denied, OS rules with version comparisons,
 * device types and connection types (each with a `*_deny` switch). Like payments, a group
 * resent with its UUID keeps it; any other group gets a new one. `targeting=` removes all.
 */
export function readTargeting(
  value: unknown,
  path: string,
  existing: readonly StoredTargetingGroup[],
  issues: Issues,
): StoredTargetingGroup[] | undefined {
  const entries = readList(value, path, issues);
  if (entries === undefined) return undefined;
  const before = issues.count;
  const known = new Set(existing.map((group) => group.id));
  const claimed = new Set<string>();
  const groups: StoredTargetingGroup[] = [];
  for (const entry of entries) {
    const at = `${path}[${entry.index}]`;
    const fields = readMap(entry.value, at, issues);
    if (!fields) continue;
    const sentId =
      typeof fields.id === "string" && UUID_PATTERN.test(fields.id) ? fields.id.toLowerCase() : "";
    const keep = known.has(sentId) && !claimed.has(sentId);
    if (keep) claimed.add(sentId);
    const flag = (name: string) =>
      fields[name] === undefined
        ? false
        : (readFlag(fields[name], `${at}.${name}`, issues) ?? false);
    const country =
      fields.country === undefined ? {} : (readMap(fields.country, `${at}.country`, issues) ?? {});
    groups.push({
      id: keep ? sentId : newUuid(),
      name: fields.name === undefined ? "" : (readText(fields.name, `${at}.name`, issues) ?? ""),
      condition:
        fields.condition === undefined
          ? "and"
          : (readEnum(fields.condition, CONDITIONS, `${at}.condition`, issues) ?? ""),
      enabled:
        fields.enabled === undefined
          ? true
          : (readFlag(fields.enabled, `${at}.enabled`, issues) ?? true),
      countryAllow:
        country.allow === undefined
          ? []
          : (readCountryCodes(country.allow, `${at}.country.allow`, issues) ?? []),
      countryDeny:
        country.deny === undefined
          ? []
          : (readCountryCodes(country.deny, `${at}.country.deny`, issues) ?? []),
      os: readOsRules(fields.os, `${at}.os`, issues),
      osDeny: flag("os_deny"),
      deviceTypes: readChoices(fields.device_type, `${at}.device_type`, DEVICES, issues),
      deviceTypeDeny: flag("device_type_deny"),
      connections: readChoices(
        fields.connection,
        `${at}.connection`,
        TARGETABLE_CONNECTIONS,
        issues,
      ),
      connectionDeny: flag("connection_deny"),
    });
  }
  return issues.count === before ? groups : undefined;
}

/** `os[allow][i][name]=Android&…[comparison]=GTE&…[version]=6.0` */
function readOsRules(value: unknown, path: string, issues: Issues): StoredOsRule[] {
  if (value === undefined) return [];
  const os = readMap(value, path, issues);
  if (!os || os.allow === undefined) return [];
  const rules: StoredOsRule[] = [];
  for (const entry of readList(os.allow, `${path}.allow`, issues) ?? []) {
    const at = `${path}.allow[${entry.index}]`;
    const rule = readMap(entry.value, at, issues);
    if (!rule) continue;
    const name = readEnum(rule.name, OSES, `${at}.name`, issues) ?? "";
    const comparison =
      rule.comparison === undefined
        ? ""
        : (readEnum(rule.comparison, COMPARISONS, `${at}.comparison`, issues) ?? "");
    const version =
      rule.version === undefined ? "" : (readText(rule.version, `${at}.version`, issues) ?? "");
    if ((comparison === "") !== (version === "")) {
      issues.add(at, "comparison and version go together: send both or neither");
    }
    rules.push({ name, comparison, version });
  }
  return rules;
}

function readChoices(
  value: unknown,
  path: string,
  allowed: readonly string[],
  issues: Issues,
): string[] {
  if (value === undefined) return [];
  const choices: string[] = [];
  for (const entry of readStringList(value, path, issues) ?? []) {
    if (allowed.includes(entry.value)) choices.push(entry.value);
    else issues.add(entry.path, `must be one of ${allowed.join(", ")} (got '${entry.value}')`);
  }
  return choices;
}
