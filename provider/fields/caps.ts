/** Caps: how much of something the offer may take per period (`offer_caps_structure`). */
import { z } from "zod";
import { numberSet, sortCanonically, textSet, upperCaseSet } from "../canonical";
import { decimalText } from "../decimal";
import {
  asRecord,
  isRecord,
  type Raw,
  readItems,
  readNumber,
  readText,
  readTexts,
} from "../affise/read-values";
import type { CapScope, CheckedCap } from "../types";
import type { FormFields, ManagedWhileDeclared } from "./field";
import { amount, countryCode, goalValue, listOf, oneOf, positiveInteger } from "./shapes";

export const CAP_PERIODS = ["hour", "day", "month", "all"] as const;
export const CAP_TYPES = ["budget", "conversions", "clicks", "impressions"] as const;
export const CAP_SCOPES = ["all", "each", "exact"] as const;

/** Each list of a cap and the scope that says how it narrows the cap. */
export const CAP_SCOPED_LISTS = [
  ["goalType", "goals"],
  ["affiliateType", "affiliates"],
  ["countryType", "countries"],
] as const;

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
    for (const [scopeKey, listKey] of CAP_SCOPED_LISTS) {
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

/** The scope a cap gets when none is written: exact when the list has items, else all. */
export const impliedScope = (list: unknown[]): CapScope => (list.length > 0 ? "exact" : "all");

export function normalizeCap(raw: Raw): CheckedCap {
  const goals = textSet(raw.goals);
  const affiliates = numberSet(raw.affiliates);
  const countries = upperCaseSet(raw.countries);
  return {
    period: raw.period as CheckedCap["period"],
    type: raw.type as CheckedCap["type"],
    value: Number(raw.value),
    goalType: (raw.goalType as CapScope | undefined) ?? impliedScope(goals),
    goals,
    affiliateType: (raw.affiliateType as CapScope | undefined) ?? impliedScope(affiliates),
    affiliates,
    countryType: (raw.countryType as CapScope | undefined) ?? impliedScope(countries),
    countries,
  };
}

function sendCaps(caps: CheckedCap[], form: FormFields): void {
  if (caps.length === 0) form.caps = "";
  caps.forEach((cap, i) => {
    const at = `caps[${i}]`;
    form[`${at}[period]`] = cap.period;
    form[`${at}[type]`] = cap.type;
    form[`${at}[value]`] = decimalText(cap.value);
    form[`${at}[goal_type]`] = cap.goalType;
    if (cap.goals.length > 0) form[`${at}[goals][]`] = cap.goals;
    form[`${at}[affiliate_type]`] = cap.affiliateType;
    if (cap.affiliates.length > 0) form[`${at}[affiliates][]`] = cap.affiliates.map(String);
    form[`${at}[country_type]`] = cap.countryType;
    if (cap.countries.length > 0) form[`${at}[country][]`] = cap.countries;
  });
}

/**
 * Goal values of a cap: the keys of a value → title map (`{"1":"Install"}`: even digit keys are
 * goal values there, not list indexes), or the items of a list.
 */
function capGoals(value: unknown, field: string): string[] {
  if (isRecord(value)) return Object.keys(value);
  return readTexts(value, field);
}

/** Affise reads goals back as a map (or `[]`, `{}`, a list), `country` as a list, "" or one code. */
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

export const caps = {
  managed: "while declared",
  sent: "form",
  schema: listOf(capSchema, "caps").optional().describe("Caps."),
  canonical: (value) => sortCanonically((value as Raw[]).map(normalizeCap)),
  wire: ["caps"],
  itemNames: {
    goal_type: "goalType",
    affiliate_type: "affiliateType",
    country_type: "countryType",
  },
  encode: sendCaps,
  decode: (offer) => readItems(offer.caps, "caps", capAsInput),
  empty: [],
  clearable: true,
} satisfies ManagedWhileDeclared<CheckedCap[]>;
