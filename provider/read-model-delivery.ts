/**
 * Affise's read model of caps, landings and targeting groups → the input shape. Affise reads cap
 * goals back as a map `{"3":"Install"}` (or `[]`, `{}`, a list), a cap's `country` as a list, ""
 * or one code, flags as booleans or 0/1, `device_type` as a list or `{allow, deny}`, and adds
 * fields of its own to every targeting group; only what an offer declares is read.
 */
import {
  isRecord,
  type Raw,
  readAllowDeny,
  readFlag,
  readId,
  readList,
  readNumber,
  readText,
  readTexts,
  ReadShapeError,
  shapeOf,
} from "./read-values";

function asRecord(value: unknown, field: string, expected: string): Raw {
  if (isRecord(value)) return value;
  throw new ReadShapeError(field, shapeOf(value), expected);
}

/**
 * Goal values of a cap: the keys of a value → title map (`{"1":"Install"}`: even digit keys are
 * goal values there, not list indexes), or the items of a list.
 */
function capGoals(value: unknown, field: string): string[] {
  if (isRecord(value)) return Object.keys(value);
  return readTexts(value, field);
}

export function capAsInput(value: unknown, field: string): Raw {
  const cap = asRecord(value, field, "a cap");
  const text = (key: string) => readText(cap[key], `${field}.${key}`) || undefined;
  return {
    period: text("period"),
    type: text("type"),
    value: readNumber(cap.value, `${field}.value`),
    goalType: text("goal_type"),
    goals: capGoals(cap.goals, `${field}.goals`),
    affiliateType: text("affiliate_type"),
    affiliates: readTexts(cap.affiliates, `${field}.affiliates`).map(Number),
    countryType: text("country_type"),
    countries: readTexts(cap.country, `${field}.country`),
  };
}

export function landingAsInput(value: unknown, field: string): Raw {
  const landing = asRecord(value, field, "a landing");
  return {
    id:
      landing.id === undefined || landing.id === null
        ? undefined
        : readId(landing.id, `${field}.id`),
    title: readText(landing.title, `${field}.title`),
    url: readText(landing.url, `${field}.url`),
    urlPreview: readText(landing.url_preview, `${field}.url_preview`),
    type: readText(landing.type, `${field}.type`) || undefined,
  };
}

/** An OS rule: `{name, comparison, version}`, or just a name. */
function osRule(value: unknown, field: string): Raw {
  if (typeof value === "string") return { name: value };
  const rule = asRecord(value, field, "an OS rule");
  const version = readText(rule.version, `${field}.version`);
  return {
    name: readText(rule.name, `${field}.name`),
    comparison: readText(rule.comparison, `${field}.comparison`) || undefined,
    version: version === "" ? undefined : version,
  };
}

/**
 * A list switched by a `*_deny` flag, as the provider models devices and connections. Affise
 * may instead send `{allow, deny}`: either side alone maps to the list and its flag.
 */
function switchedList(
  value: unknown,
  denyFlag: unknown,
  field: string,
): { items: string[]; deny: boolean } {
  const pair = readAllowDeny(value, field);
  const allow = pair.allow.map((item, i) => readText(item, `${field}.allow[${i}]`));
  const deny = pair.deny.map((item, i) => readText(item, `${field}.deny[${i}]`));
  if (allow.length > 0 && deny.length > 0) {
    throw new ReadShapeError(field, "both allow and deny lists", "one list with a deny switch");
  }
  if (deny.length > 0) return { items: deny, deny: true };
  return { items: allow, deny: readFlag(denyFlag, `${field}_deny`) };
}

export function targetingGroupAsInput(value: unknown, field: string): Raw {
  const group = asRecord(value, field, "a targeting group");
  const countries = readAllowDeny(group.country, `${field}.country`);
  const os = readAllowDeny(group.os, `${field}.os`);
  const devices = switchedList(group.device_type, group.device_type_deny, `${field}.device_type`);
  const connections = switchedList(group.connection, group.connection_deny, `${field}.connection`);
  return {
    id: group.id === undefined || group.id === null ? undefined : readId(group.id, `${field}.id`),
    name: readText(group.name, `${field}.name`),
    condition: readText(group.condition, `${field}.condition`) || undefined,
    enabled: group.enabled === undefined ? undefined : readFlag(group.enabled, `${field}.enabled`),
    countries: {
      allow: countries.allow.map((c, i) => readText(c, `${field}.country.allow[${i}]`)),
      deny: countries.deny.map((c, i) => readText(c, `${field}.country.deny[${i}]`)),
    },
    os: os.allow.map((rule, i) => osRule(rule, `${field}.os.allow[${i}]`)),
    osDeny: readFlag(group.os_deny, `${field}.os_deny`),
    devices: devices.items,
    devicesDeny: devices.deny,
    connections: connections.items,
    connectionsDeny: connections.deny,
  };
}

/** Each item of a list Affise sent, read by `read` with its own path. */
export function readItems<T>(
  value: unknown,
  field: string,
  read: (item: unknown, path: string) => T,
): T[] {
  return readList(value, field).map((item, i) => read(item, `${field}[${i}]`));
}
