/** The offer's settings: status, privacy, hold, flags, and its start and stop dates. */
import { z } from "zod";
import { impossibleDate } from "../dates";
import { readFlag, readOptionalNumber, readText } from "../affise/read-values";
import type { PrivacyLevel } from "../types";
import type { AlwaysManaged, FormFields, ManagedWhileDeclared } from "./field";
import { sendText } from "./identity";
import { flag, oneOf } from "./shapes";

export const OFFER_STATUSES = ["active", "stopped", "suspended"] as const;
export const PRIVACY_LEVELS = ["public", "protected", "private"] as const;
export const HOLD_TYPES = ["days", "hours"] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/;

function realDate(text: string, ctx: z.RefinementCtx) {
  const problem = impossibleDate(text);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}

const textOrNone = (value: unknown, name: string) => readText(value, name) || undefined;

/** One of a few words, always written out with its default. */
function choice<T extends string>(
  values: readonly T[],
  name: string,
  fallback: T,
  description: string,
) {
  return {
    managed: "always",
    sent: "form",
    default: fallback,
    schema: z
      .enum(values as [T, ...T[]], { error: oneOf(values) })
      .optional()
      .describe(description),
    canonical: (value: unknown) => value as T,
    wire: [name],
    encode: sendText(name),
    decode: (offer) => textOrNone(offer[name], name),
  } satisfies AlwaysManaged<T>;
}

function onOff(field: string, name: string, description: string) {
  return {
    managed: "always",
    sent: "form",
    default: false,
    schema: flag(field).optional().describe(description),
    canonical: Boolean,
    wire: [name],
    encode: (value: boolean, form: FormFields) => {
      form[name] = value ? "1" : "0";
    },
    decode: (offer) => readFlag(offer[name], name),
  } satisfies AlwaysManaged<boolean>;
}

/** Affise's own default for a new offer. */
export const status = choice(
  OFFER_STATUSES,
  "status",
  "stopped",
  "active, stopped or suspended. Default: stopped (Affise's default), shown in the preview.",
);

export const privacy = {
  ...choice(
    PRIVACY_LEVELS,
    "privacy",
    "public",
    "public (default), protected (affiliates ask for access) or private (by invitation).",
  ),
  wire: ["privacy", "required_approval"],
  decode: (offer) => {
    const privacy = readText(offer.privacy, "privacy");
    return privacy === "premoderated" ? "protected" : privacy || undefined;
  },
} satisfies AlwaysManaged<PrivacyLevel>;

export const holdPeriod = {
  managed: "always",
  sent: "form",
  default: 0,
  schema: z
    .int({ error: "must be a whole number of days or hours" })
    .min(0, { error: "must be 0 or more" })
    .max(60, { error: "must be 60 or less" })
    .optional()
    .describe(
      "How long conversions are held before approval, in holdType units (0-60). Default 0.",
    ),
  canonical: Number,
  wire: ["hold_period"],
  encode: (value, form) => {
    form.hold_period = String(value);
  },
  decode: (offer) => readOptionalNumber(offer.hold_period, "hold_period", 0),
} satisfies AlwaysManaged<number>;

export const holdType = choice(HOLD_TYPES, "hold_type", "days", "days (default) or hours.");

export const isTop = onOff("isTop", "is_top", "Mark as a top offer. Default false.");
export const isCpi = onOff("isCpi", "is_cpi", "A CPI (app install) offer. Default false.");

/** Affise has no "no start date", so a removed startAt leaves Affise's as it is. */
export const startAt = {
  managed: "while declared",
  sent: "form",
  schema: z
    .string({ error: "must be a date" })
    .regex(DATE_TIME, { error: "must be YYYY-MM-DD or YYYY-MM-DD HH:MM:SS" })
    .superRefine(realDate)
    .optional()
    .describe("When the offer starts (Affise accepts today or later)."),
  canonical: (value) => (DATE.test(String(value)) ? `${value} 00:00:00` : String(value)),
  wire: ["start_at"],
  encode: sendText("start_at"),
  decode: (offer) => textOrNone(offer.start_at, "start_at"),
  empty: "",
  clearable: false,
} satisfies ManagedWhileDeclared<string>;

/** Sent as `stopDate` (Affise's form name), read back as `stop_at`. */
export const stopDate = {
  managed: "while declared",
  sent: "form",
  schema: z
    .string({ error: "must be a date" })
    .regex(DATE, { error: "must be YYYY-MM-DD" })
    .superRefine(realDate)
    .optional()
    .describe("The day the offer stops."),
  canonical: (value) => String(value).slice(0, 10),
  wire: ["stopDate", "stop_at"],
  encode: sendText("stopDate"),
  decode: (offer) => textOrNone(offer.stop_at, "stop_at"),
  empty: "",
  clearable: true,
} satisfies ManagedWhileDeclared<string>;
