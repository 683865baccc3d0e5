/**
 * The shape of an offer, declared once. From it come `check`'s validation (with its messages), the
 * JSON Schema that editors use for offers/*.yaml, and the field table in the README. The public
 * TypeScript interfaces in `types.ts` are checked against it at compile time.
 */
import { z } from "zod";
import { MIN_API_KEY_LENGTH } from "./connection";
import { impossibleDate } from "./dates";
import { capSchema, landingSchema, targetingGroupSchema } from "./schema-delivery";
import {
  amount,
  DEVICES,
  flag,
  countryCode,
  goalValue,
  currencyCode,
  HEX24,
  httpUrl,
  listOf,
  nonEmptyText,
  oneOf,
  positiveInteger,
} from "./schema-parts";

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

export { DEVICES };

export const OFFER_STATUSES = ["active", "stopped", "suspended"] as const;
export const PRIVACY_LEVELS = ["public", "protected", "private"] as const;
export const HOLD_TYPES = ["days", "hours"] as const;

/** What `pulumi destroy` (or removing the declaration) does to the offer in Affise. */
export const DELETE_POLICIES = ["delete", "stop"] as const;

export const SUB_KEYS = ["sub1", "sub2", "sub3", "sub4", "sub5", "sub6", "sub7", "sub8"] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/;

function realDate(text: string, ctx: z.RefinementCtx) {
  const problem = impossibleDate(text);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}

const textsByLanguage = (what: string) =>
  z
    .record(
      z.string().regex(/^[a-z]{2}$/, { error: "must be a two-letter language code such as en" }),
      z.string({ error: `must be text (${what})` }),
      { error: `must map language codes to text, e.g. { en: "..." } (${what})` },
    )
    .describe(`${what} per language, e.g. { en: "...", de: "..." }.`);

const subValues = (key: string) =>
  z.string({ error: "must be text" }).optional().describe(`Comma-separated ${key} values.`);

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
        goalValue,
        z.int({ error: 'must be a goal value such as "1"' }).min(0, { error: "must be 0 or more" }),
      ],
      { error: 'must be a goal value such as "1"' },
    )
    .optional()
    .describe(
      'The conversion goal value the payment is for: free text of letters, digits, _, spaces, dots and dashes, e.g. "1" or "fd". Default "1".',
    ),
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
  .strictObject(paymentFields, {
    error: "must be a payment: a mapping with total, revenue, currency and type",
  })
  .superRefine(percentAtMost100)
  .describe("A general payment: who pays what, for which goal, countries, devices and OSes.");

export const partnerPaymentSchema = z
  .strictObject(
    {
      ...paymentFields,
      partners: listOf(positiveInteger("an affiliate id"), "affiliate ids")
        .min(1, { error: "must list at least one affiliate id" })
        .describe("Affiliate (partner) ids this personal payment is for."),
    },
    {
      error:
        "must be a personal payment: a mapping with partners, total, revenue, currency and type",
    },
  )
  .superRefine(percentAtMost100)
  .describe("A personal payment: a payment for the listed affiliates only.");

export const offerSchema = z
  .strictObject(
    {
      title: nonEmptyText("the offer's title").describe("The offer's title."),
      advertiser: z
        .string({ error: "must be an advertiser id (24 hexadecimal characters)" })
        .regex(HEX24, {
          error:
            "must be an advertiser id (24 hexadecimal characters, from /3.0/admin/advertisers)",
        })
        .describe("The advertiser's id (24 hex characters)."),
      url: httpUrl("the tracking URL").describe(
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
          "Affise's external_offer_id. Default: this stack's own marker (pulumi-affise:<stack token>:<name>), " +
            "which proves the offer is this resource's. A value you set here proves nothing: an offer " +
            "found carrying it is refused until you name it with adoptId.",
        ),
      adoptId: positiveInteger("an Affise offer id")
        .optional()
        .describe(
          "Take over this existing Affise offer (its integer id) instead of creating one; refused if " +
            "another resource or stack manages it.",
        ),
      deletePolicy: z
        .enum(DELETE_POLICIES, { error: oneOf(DELETE_POLICIES) })
        .optional()
        .describe(
          "delete (default): delete the offer in Affise on destroy; stop: set it to stopped and keep it.",
        ),
      status: z
        .enum(OFFER_STATUSES, { error: oneOf(OFFER_STATUSES) })
        .optional()
        .describe(
          "active, stopped or suspended. Default: stopped (Affise's default), shown in the preview.",
        ),
      privacy: z
        .enum(PRIVACY_LEVELS, { error: oneOf(PRIVACY_LEVELS) })
        .optional()
        .describe(
          "public (default), protected (affiliates ask for access) or private (by invitation).",
        ),
      description: textsByLanguage("The offer's description").optional(),
      kpi: textsByLanguage("KPI terms for affiliates").optional(),
      notes: z.string({ error: "must be text" }).optional().describe("Internal notes."),
      tags: listOf(nonEmptyText("a tag"), "tags").optional().describe("Tags."),
      categories: listOf(nonEmptyText("a category id"), "category ids")
        .optional()
        .describe("Category ids (from /3.0/offer/categories)."),
      urlPreview: httpUrl("the preview URL").optional().describe("The page affiliates preview."),
      trafficbackUrl: httpUrl("the trafficback URL")
        .optional()
        .describe("Where traffic goes when the offer cannot take it."),
      holdPeriod: z
        .int({ error: "must be a whole number of days or hours" })
        .min(0, { error: "must be 0 or more" })
        .max(60, { error: "must be 60 or less" })
        .optional()
        .describe(
          "How long conversions are held before approval, in holdType units (0-60). Default 0.",
        ),
      holdType: z
        .enum(HOLD_TYPES, { error: oneOf(HOLD_TYPES) })
        .optional()
        .describe("days (default) or hours."),
      startAt: z
        .string({ error: "must be a date" })
        .regex(DATE_TIME, { error: "must be YYYY-MM-DD or YYYY-MM-DD HH:MM:SS" })
        .superRefine(realDate)
        .optional()
        .describe("When the offer starts (Affise accepts today or later)."),
      stopDate: z
        .string({ error: "must be a date" })
        .regex(DATE, { error: "must be YYYY-MM-DD" })
        .superRefine(realDate)
        .optional()
        .describe("The day the offer stops."),
      isTop: flag("isTop").optional().describe("Mark as a top offer. Default false."),
      isCpi: flag("isCpi").optional().describe("A CPI (app install) offer. Default false."),
      caps: listOf(capSchema, "caps").optional().describe("Caps."),
      landings: listOf(landingSchema, "landings").optional().describe("Landing pages."),
      targeting: listOf(targetingGroupSchema, "targeting groups")
        .optional()
        .describe("Targeting groups."),
      enabledAffiliates: listOf(positiveInteger("an affiliate id"), "affiliate ids")
        .optional()
        .describe("Affiliates given access (for protected and private offers); a set."),
      apiUrl: httpUrl("an Affise API URL", { credentials: false })
        .optional()
        .describe("This offer's Affise tenant, instead of the stack's affise:apiUrl."),
      apiKey: nonEmptyText("an Affise API key")
        .min(MIN_API_KEY_LENGTH, {
          error: `must be at least ${MIN_API_KEY_LENGTH} characters (an Affise API key)`,
        })
        .optional()
        .describe(
          "The API key for apiUrl (kept as a secret), instead of the stack's affise:apiKey.",
        ),
    },
    { error: "must be an offer: a mapping with title, advertiser, url and payments" },
  )
  .superRefine((offer, ctx) => {
    if (offer.startAt && offer.stopDate && offer.stopDate < offer.startAt.slice(0, 10)) {
      ctx.addIssue({
        code: "custom",
        path: ["stopDate"],
        message: `must not be before startAt (${offer.startAt.slice(0, 10)})`,
      });
    }
    if ((offer.apiUrl === undefined) !== (offer.apiKey === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [offer.apiUrl === undefined ? "apiUrl" : "apiKey"],
        message: "apiUrl and apiKey go together: give both or neither",
      });
    }
  })
  .describe("An Affise offer.");

export type OfferSchemaInput = z.input<typeof offerSchema>;
export type PaymentSchemaInput = z.input<typeof paymentSchema>;
export type PartnerPaymentSchemaInput = z.input<typeof partnerPaymentSchema>;
