/** Targeting groups (`targeting_group_structure`): who may see the offer. */
import { z } from "zod";
import { lowerCaseSet, sortCanonically, upperCaseSet } from "../canonical";
import { TARGETING_IDENTITY } from "../payment-ids";
import {
  asRecord,
  type Raw,
  readAllowDeny,
  readFlag,
  readId,
  readItems,
  readText,
  ReadShapeError,
} from "../affise/read-values";
import type {
  CheckedOsRule,
  CheckedTargetingGroup,
  ConnectionType,
  Device,
  OsComparison,
  StoredTargetingGroup,
  TargetingCondition,
} from "../types";
import type { FormFields, ManagedWhileDeclared } from "./field";
import { countryCode, DEVICES, flag, listOf, nonEmptyText, oneOf } from "./shapes";

export const TARGETING_CONDITIONS = ["and", "or"] as const;
export const OS_COMPARISONS = ["LT", "LTE", "EQ", "GT", "GTE"] as const;
export const CONNECTION_TYPES = ["wi-fi", "cellular"] as const;

export const osRuleSchema = z
  .strictObject(
    {
      name: nonEmptyText("an OS name from /3.1/oses").describe(
        "OS name as Affise lists it, e.g. Android.",
      ),
      comparison: z
        .enum(OS_COMPARISONS, { error: oneOf(OS_COMPARISONS) })
        .optional()
        .describe(`Version comparison: ${OS_COMPARISONS.join(", ")}; with version.`),
      version: nonEmptyText("an OS version").optional().describe('e.g. "10.0"; with comparison.'),
    },
    { error: "must be an OS rule: a mapping with name, and comparison and version together" },
  )
  .superRefine((rule, ctx) => {
    if ((rule.comparison === undefined) !== (rule.version === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [rule.comparison === undefined ? "comparison" : "version"],
        message: "comparison and version go together: give both or neither",
      });
    }
  });

export const targetingGroupSchema = z
  .strictObject(
    {
      name: z.string({ error: "must be text" }).optional(),
      condition: z
        .enum(TARGETING_CONDITIONS, { error: oneOf(TARGETING_CONDITIONS) })
        .optional()
        .describe("and (default): every rule must match; or: any rule."),
      enabled: flag("whether the group applies").optional().describe("Default true."),
      countries: z
        .strictObject(
          {
            allow: listOf(countryCode, "country codes").optional(),
            deny: listOf(countryCode, "country codes").optional(),
          },
          { error: "must be a mapping with allow and/or deny lists of country codes" },
        )
        .optional()
        .describe("Countries allowed and denied."),
      os: listOf(osRuleSchema, "OS rules").optional().describe("OS rules, e.g. Android GTE 10.0."),
      osDeny: flag("osDeny").optional().describe("true: the OS rules block instead of allow."),
      devices: listOf(z.enum(DEVICES, { error: oneOf(DEVICES) }), "device types").optional(),
      devicesDeny: flag("devicesDeny").optional().describe("true: the devices are blocked."),
      connections: listOf(
        z.enum(CONNECTION_TYPES, { error: oneOf(CONNECTION_TYPES) }),
        "connection types",
      )
        .optional()
        .describe(oneOf(CONNECTION_TYPES)),
      connectionsDeny: flag("connectionsDeny")
        .optional()
        .describe("true: the connections are blocked."),
    },
    { error: "must be a targeting group: a mapping of countries, os, devices, connections…" },
  )
  .describe("A targeting group: who may see the offer.");

export function normalizeTargetingGroup(raw: Raw): CheckedTargetingGroup {
  const countries = (raw.countries ?? {}) as Raw;
  return {
    name: String(raw.name ?? ""),
    condition: (raw.condition as TargetingCondition | undefined) ?? "and",
    enabled: raw.enabled === undefined ? true : Boolean(raw.enabled),
    countries: { allow: upperCaseSet(countries.allow), deny: upperCaseSet(countries.deny) },
    os: sortCanonically(((raw.os ?? []) as Raw[]).map(normalizeOsRule)),
    osDeny: Boolean(raw.osDeny ?? false),
    devices: lowerCaseSet(raw.devices) as Device[],
    devicesDeny: Boolean(raw.devicesDeny ?? false),
    connections: lowerCaseSet(raw.connections) as ConnectionType[],
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

const bit = (value: boolean) => (value ? "1" : "0");

function sendTargeting(groups: StoredTargetingGroup[], form: FormFields): void {
  if (groups.length === 0) form.targeting = "";
  groups.forEach((group, i) => {
    const at = `targeting[${i}]`;
    if (group.id !== undefined) form[`${at}[id]`] = group.id;
    form[`${at}[name]`] = group.name;
    form[`${at}[condition]`] = group.condition;
    form[`${at}[enabled]`] = bit(group.enabled);
    if (group.countries.allow.length > 0) form[`${at}[country][allow][]`] = group.countries.allow;
    if (group.countries.deny.length > 0) form[`${at}[country][deny][]`] = group.countries.deny;
    group.os.forEach((rule, j) => {
      form[`${at}[os][allow][${j}][name]`] = rule.name;
      if (rule.comparison !== undefined)
        form[`${at}[os][allow][${j}][comparison]`] = rule.comparison;
      if (rule.version !== undefined) form[`${at}[os][allow][${j}][version]`] = rule.version;
    });
    form[`${at}[os_deny]`] = bit(group.osDeny);
    if (group.devices.length > 0) form[`${at}[device_type][]`] = group.devices;
    form[`${at}[device_type_deny]`] = bit(group.devicesDeny);
    if (group.connections.length > 0) form[`${at}[connection][]`] = group.connections;
    form[`${at}[connection_deny]`] = bit(group.connectionsDeny);
  });
}

/** An OS rule: `{name, comparison, version}`, or just a name. */
function osRuleAsInput(value: unknown, field: string): Raw {
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

/** Affise adds fields of its own to every group, and writes flags and lists its own ways. */
function targetingGroupAsInput(value: unknown, field: string): Raw {
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
    os: os.allow.map((rule, i) => osRuleAsInput(rule, `${field}.os.allow[${i}]`)),
    osDeny: readFlag(group.os_deny, `${field}.os_deny`),
    devices: devices.items,
    devicesDeny: devices.deny,
    connections: connections.items,
    connectionsDeny: connections.deny,
  };
}

export const targeting = {
  managed: "while declared",
  sent: "form",
  schema: listOf(targetingGroupSchema, "targeting groups").optional().describe("Targeting groups."),
  canonical: (value) => sortCanonically((value as Raw[]).map(normalizeTargetingGroup)),
  wire: ["targeting"],
  itemNames: {
    os_deny: "osDeny",
    devices_deny: "devicesDeny",
    connections_deny: "connectionsDeny",
    device_type_deny: "devicesDeny",
    connection_deny: "connectionsDeny",
  },
  encode: sendTargeting,
  decode: (offer) => readItems(offer.targeting, "targeting", targetingGroupAsInput),
  ids: { item: normalizeTargetingGroup, id: String, identity: TARGETING_IDENTITY },
  empty: [],
  clearable: true,
} satisfies ManagedWhileDeclared<CheckedTargetingGroup[], StoredTargetingGroup[]>;
