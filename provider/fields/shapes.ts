/** Building blocks of the offer schema: the value shapes Affise uses, with their messages. */
import { z } from "zod";
import { amountBoundProblem } from "../decimal";
import { COUNTRY_CODE_HINTS, ISO_COUNTRY_CODES } from "../iso-countries";
import { type UrlRules, urlProblem } from "../url-rules";

/** Affise's device types (`/3.1/devices`). */
export const DEVICES = [
  "mediahub",
  "mobile",
  "ereader",
  "console",
  "tv",
  "tablet",
  "desktop",
  "smartwatch",
] as const;

export const DECIMAL = /^\s*\d+(\.\d+)?\s*$/;
export const POSITIVE_INTEGER = /^\s*[1-9]\d*\s*$/;
export const HEX24 = /^[0-9a-fA-F]{24}$/;

export const oneOf = (values: readonly string[]) => `must be one of: ${values.join(", ")}`;

export const amount = z
  .union(
    [
      z.number({ error: "must be a number" }).min(0, { error: "must be 0 or more" }),
      z.string().regex(DECIMAL, { error: "must be a number 0 or more, such as 12.5" }),
    ],
    { error: "must be a number 0 or more, such as 12.5" },
  )
  .superRefine((value, ctx) => {
    const problem = amountBoundProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .describe('An amount, 0 or more (a quoted number such as "12.5" is accepted).');

export const positiveInteger = (what: string) =>
  z.union(
    [
      z
        .int({ error: `must be a whole number (${what})` })
        .min(1, { error: `must be 1 or more (${what})` }),
      z.string().regex(POSITIVE_INTEGER, { error: `must be a whole number (${what})` }),
    ],
    { error: `must be a whole number 1 or more (${what})` },
  );

export const countryCode = z
  .string({ error: "must be a two-letter ISO 3166-1 country code, such as US" })
  .regex(/^[A-Za-z]{2}$/, { error: "must be a two-letter ISO 3166-1 country code, such as US" })
  .refine((code) => ISO_COUNTRY_CODES.has(code.toUpperCase()), {
    error: (issue) => {
      const code = String(issue.input).toUpperCase();
      const hint = COUNTRY_CODE_HINTS[code];
      return "is not an ISO 3166-1 alpha-2 country code" + (hint ? ` (did you mean ${hint}?)` : "");
    },
  });

export const currencyCode = z
  .string({ error: "must be a three-letter currency code, such as USD" })
  .regex(/^[A-Za-z]{3}$/, { error: "must be a three-letter currency code, such as USD" })
  .describe("ISO 4217 / ECB currency code (case-insensitive; stored uppercase).");

/**
 * A conversion goal value: free text chosen per payout (`fd`, `reg`, `1`), made of letters,
 * digits, `_`, spaces, dots and dashes. `/3.0/goals` lists goal titles, not these values.
 */
export const GOAL_VALUE = /^[\p{L}\p{N}_ .-]+$/u;
export const goalValue = z
  .string({ error: 'must be a goal value such as "1" or "fd"' })
  .trim()
  .min(1, { error: "must not be empty (a goal value)" })
  .regex(GOAL_VALUE, {
    error: "must be a goal value made of letters, digits, _, spaces, dots and dashes",
  });

export const nonEmptyText = (what: string) =>
  z
    .string({ error: `must be text (${what})` })
    .trim()
    .min(1, { error: `must not be empty (${what})` });

export function listOf<T extends z.ZodType>(item: T, what: string) {
  return z.array(item, { error: `must be a list of ${what}` });
}

export const httpUrl = (what: string, rules?: UrlRules) =>
  z.string({ error: `must be an http(s) URL (${what})` }).superRefine((value, ctx) => {
    const problem = urlProblem(value, rules);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const flag = (what: string) => z.boolean({ error: `must be true or false (${what})` });
