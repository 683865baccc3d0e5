/**
 * How an offer is delivered, beyond its payments: caps, landings and targeting groups, in
 * Affise's terms (offer_caps_structure, offer_landing_structure, targeting_group_structure).
 */
import { z } from "zod";
import {
  amount,
  countryCode,
  DEVICES,
  flag,
  goalValue,
  httpUrl,
  listOf,
  nonEmptyText,
  oneOf,
  positiveInteger,
} from "./schema-parts";

export const CAP_PERIODS = ["hour", "day", "month", "all"] as const;
export const CAP_TYPES = ["budget", "conversions", "clicks", "impressions"] as const;
export const CAP_SCOPES = ["all", "each", "exact"] as const;
export const LANDING_TYPES = ["landing", "transit"] as const;
export const TARGETING_CONDITIONS = ["and", "or"] as const;
export const OS_COMPARISONS = ["LT", "LTE", "EQ", "GT", "GTE"] as const;
export const CONNECTION_TYPES = ["wi-fi", "cellular"] as const;

const scope = (list: string) =>
  z
    .enum(CAP_SCOPES, { error: oneOf(CAP_SCOPES) })
    .optional()
    .describe(
      `all: the cap counts everything together; each: separately per item; exact: only the ${list} listed. ` +
        `Default: exact when ${list} are listed, else all.`,
    );

export const capSchema = z
  .strictObject(
    {
      period: z.enum(CAP_PERIODS, { error: oneOf(CAP_PERIODS) }).describe(oneOf(CAP_PERIODS)),
      type: z.enum(CAP_TYPES, { error: oneOf(CAP_TYPES) }).describe(oneOf(CAP_TYPES)),
      value: amount.describe("The limit: a whole number, or an amount for a budget cap."),
      goalType: scope("goals"),
      goals: listOf(goalValue, "goal values")
        .optional()
        .describe('Goal values (free text, as in payments), e.g. ["1", "fd"].'),
      affiliateType: scope("affiliates"),
      affiliates: listOf(positiveInteger("an affiliate id"), "affiliate ids").optional(),
      countryType: scope("countries"),
      countries: listOf(countryCode, "country codes").optional(),
    },
    { error: "must be a cap: a mapping with period, type and value" },
  )
  .superRefine((cap, ctx) => {
    if (cap.type !== "budget" && !Number.isInteger(Number(cap.value))) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: "must be a whole number unless type is budget",
      });
    }
    for (const [scopeKey, listKey] of [
      ["goalType", "goals"],
      ["affiliateType", "affiliates"],
      ["countryType", "countries"],
    ] as const) {
      const listed = (cap[listKey]?.length ?? 0) > 0;
      const chosen = cap[scopeKey];
      if (chosen === "exact" && !listed) {
        ctx.addIssue({
          code: "custom",
          path: [listKey],
          message: `must list at least one when ${scopeKey} is exact`,
        });
      }
      if (chosen !== undefined && chosen !== "exact" && listed) {
        ctx.addIssue({
          code: "custom",
          path: [listKey],
          message: `must be empty unless ${scopeKey} is exact`,
        });
      }
    }
  })
  .describe("A cap: how much of something the offer may take per period.");

export const landingSchema = z
  .strictObject(
    {
      title: nonEmptyText("the landing's title"),
      url: httpUrl("the landing's tracking URL"),
      urlPreview: httpUrl("the landing's preview URL").describe("The page a reviewer can look at."),
      type: z
        .enum(LANDING_TYPES, { error: oneOf(LANDING_TYPES) })
        .optional()
        .describe("landing (default) or transit."),
    },
    { error: "must be a landing: a mapping with title, url and urlPreview" },
  )
  .describe("A landing page; Affise's landing id is kept while the landing stays declared.");

const osRule = z
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
      os: listOf(osRule, "OS rules").optional().describe("OS rules, e.g. Android GTE 10.0."),
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
