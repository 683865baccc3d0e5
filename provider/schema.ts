/**
 * The shape of an offer, declared once. From it come `check`'s validation (with its messages), the
 * JSON Schema that editors use for offers/*.yaml, and the field table in the README. The public
 * TypeScript interfaces in `types.ts` are checked against it at compile time.
 */
import { z } from "zod";
import { COUNTRY_CODE_HINTS, ISO_COUNTRY_CODES } from "./iso-countries";

/** Affise's payment types (`offer_payment_structure.type`). */
export const PAYMENT_TYPES = [
  "fixed",
  "percent",
  "mixed",
  "cpc",
  "cpm",
  "first_cpa",
  "first_cps",
  "baseline_onetime",
  "baseline_accumulating",
] as const;

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

/** What `pulumi destroy` (or removing the declaration) does to the offer in Affise. */
export const DELETE_POLICIES = ["delete", "stop"] as const;

export const SUB_KEYS = ["sub1", "sub2", "sub3", "sub4", "sub5", "sub6", "sub7", "sub8"] as const;

const DECIMAL = /^\s*\d+(\.\d+)?\s*$/;
const POSITIVE_INTEGER = /^\s*[1-9]\d*\s*$/;
const HEX24 = /^[0-9a-fA-F]{24}$/;

const oneOf = (values: readonly string[]) => `must be one of: ${values.join(", ")}`;

const amount = z
  .union(
    [
      z.number({ error: "must be a number" }).min(0, { error: "must be 0 or more" }),
      z.string().regex(DECIMAL, { error: "must be a number 0 or more, such as 12.5" }),
    ],
    { error: "must be a number 0 or more, such as 12.5" },
  )
  .describe('An amount, 0 or more (a quoted number such as "12.5" is accepted).');

const positiveInteger = (what: string) =>
  z.union(
    [
      z
        .int({ error: `must be a whole number (${what})` })
        .min(1, { error: `must be 1 or more (${what})` }),
      z.string().regex(POSITIVE_INTEGER, { error: `must be a whole number (${what})` }),
    ],
    { error: `must be a whole number 1 or more (${what})` },
  );

const countryCode = z
  .string({ error: "must be a two-letter ISO 3166-1 country code, such as US" })
  .regex(/^[A-Za-z]{2}$/, { error: "must be a two-letter ISO 3166-1 country code, such as US" })
  .refine((code) => ISO_COUNTRY_CODES.has(code.toUpperCase()), {
    error: (issue) => {
      const code = String(issue.input).toUpperCase();
      const hint = COUNTRY_CODE_HINTS[code];
      return "is not an ISO 3166-1 alpha-2 country code" + (hint ? ` (did you mean ${hint}?)` : "");
    },
  });

const currencyCode = z
  .string({ error: "must be a three-letter currency code, such as USD" })
  .regex(/^[A-Za-z]{3}$/, { error: "must be a three-letter currency code, such as USD" })
  .describe("ISO 4217 / ECB currency code (case-insensitive; stored uppercase).");

const nonEmptyText = (what: string) =>
  z
    .string({ error: `must be text (${what})` })
    .trim()
    .min(1, { error: `must not be empty (${what})` });

const subValues = (key: string) =>
  z.string({ error: "must be text" }).optional().describe(`Comma-separated ${key} values.`);

function listOf<T extends z.ZodType>(item: T, what: string) {
  return z.array(item, { error: `must be a list of ${what}` });
}

const paymentFields = {
  title: z.string({ error: "must be text" }).optional().describe("A label for the payment."),
  countries: listOf(countryCode, "country codes")
    .optional()
    .describe("ISO 3166-1 alpha-2 codes the payment applies to (or excludes, see countryExclude)."),
  countryExclude: z
    .boolean({ error: "must be true or false" })
    .optional()
    .describe("true: the payment applies everywhere except `countries`. Default false."),
  cities: listOf(positiveInteger("an Affise city id"), "Affise city ids")
    .optional()
    .describe("Affise city ids (from /3.1/cities)."),
  devices: listOf(z.enum(DEVICES, { error: oneOf(DEVICES) }), "device types")
    .optional()
    .describe(`Device types: ${DEVICES.join(", ")}.`),
  os: listOf(nonEmptyText("an operating system name from /3.1/oses"), "OS names")
    .optional()
    .describe("Operating system names as Affise lists them (/3.1/oses), e.g. Android, iOS."),
  goal: z
    .union(
      [
        nonEmptyText("a goal value"),
        z.int({ error: 'must be a goal value such as "1"' }).min(0, { error: "must be 0 or more" }),
      ],
      { error: 'must be a goal value such as "1"' },
    )
    .optional()
    .describe('The conversion goal value the payment is for, e.g. "1". Default "1".'),
  total: amount.describe("What the advertiser pays (Affise: total)."),
  revenue: amount.describe("What the affiliate earns (Affise: revenue)."),
  currency: currencyCode,
  type: z.enum(PAYMENT_TYPES, { error: oneOf(PAYMENT_TYPES) }).describe(oneOf(PAYMENT_TYPES)),
  sub1: subValues("sub1"),
  sub2: subValues("sub2"),
  sub3: subValues("sub3"),
  sub4: subValues("sub4"),
  sub5: subValues("sub5"),
  sub6: subValues("sub6"),
  sub7: subValues("sub7"),
  sub8: subValues("sub8"),
};

/** A percent payment is a share of the advertiser's amount, so neither side can exceed 100. */
function percentAtMost100(
  payment: { type: string; total: number | string; revenue: number | string },
  ctx: z.RefinementCtx,
) {
  if (payment.type !== "percent") return;
  for (const key of ["total", "revenue"] as const) {
    if (Number(payment[key]) > 100) {
      ctx.addIssue({
        code: "custom",
        path: [key],
        message: "must be 100 or less for a percent payment",
      });
    }
  }
}

export const paymentSchema = z
  .strictObject(paymentFields)
  .superRefine(percentAtMost100)
  .describe("A general payment: who pays what, for which goal, countries, devices and OSes.");

export const partnerPaymentSchema = z
  .strictObject({
    ...paymentFields,
    partners: listOf(positiveInteger("an affiliate id"), "affiliate ids")
      .min(1, { error: "must list at least one affiliate id" })
      .describe("Affiliate (partner) ids this personal payment is for."),
  })
  .superRefine(percentAtMost100)
  .describe("A personal payment: a payment for the listed affiliates only.");

export const offerSchema = z
  .strictObject({
    title: nonEmptyText("the offer's title").describe("The offer's title."),
    advertiser: z
      .string({ error: "must be an advertiser id (24 hexadecimal characters)" })
      .regex(HEX24, {
        error: "must be an advertiser id (24 hexadecimal characters, from /3.0/admin/advertisers)",
      })
      .describe("The advertiser's id (24 hex characters)."),
    url: z
      .string({ error: "must be an http(s) URL" })
      .refine(isHttpUrl, { error: "must be an http:// or https:// URL" })
      .describe(
        "The tracking URL traffic is sent to; Affise macros such as {clickid} are allowed.",
      ),
    payments: listOf(paymentSchema, "payments")
      .min(1, { error: "an offer needs at least one payment" })
      .describe("General payments; at least one."),
    partnerPayments: listOf(partnerPaymentSchema, "personal payments")
      .optional()
      .describe("Personal payments for specific affiliates."),
    externalOfferId: nonEmptyText("an external offer id")
      .max(255, { error: "must be at most 255 characters" })
      .optional()
      .describe(
        "Affise's external_offer_id. Default: a marker derived from project, stack and resource name, " +
          "used to find the offer again after an interrupted create.",
      ),
    adoptId: positiveInteger("an Affise offer id")
      .optional()
      .describe("Take over this existing Affise offer (its integer id) instead of creating one."),
    deletePolicy: z
      .enum(DELETE_POLICIES, { error: oneOf(DELETE_POLICIES) })
      .optional()
      .describe(
        "delete (default): delete the offer in Affise on destroy; stop: set it to stopped and keep it.",
      ),
  })
  .describe("An Affise offer.");

export type OfferSchemaInput = z.input<typeof offerSchema>;
export type PaymentSchemaInput = z.input<typeof paymentSchema>;
export type PartnerPaymentSchemaInput = z.input<typeof partnerPaymentSchema>;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}
