/**
 * Inputs only the provider uses (Affise has no field for them), and affiliate access, which has
 * its own requests: what destroy does, which offer to take over, and which Affise account.
 */
import { z } from "zod";
import { numberSet } from "../canonical";
import { MIN_API_KEY_LENGTH } from "../affise/connection";
import { canonicalApiUrl } from "../affise/tenant-url";
import type { DeletePolicy } from "../types";
import type { AccessList, ProviderOnly } from "./field";
import { httpUrl, listOf, nonEmptyText, oneOf, positiveInteger } from "./shapes";

/** What `pulumi destroy` (or removing the declaration) does to the offer in Affise. */
export const DELETE_POLICIES = ["delete", "stop"] as const;

export const deletePolicy = {
  managed: "provider",
  sent: "never",
  default: "delete",
  schema: z
    .enum(DELETE_POLICIES, { error: oneOf(DELETE_POLICIES) })
    .optional()
    .describe(
      "delete (default): delete the offer in Affise on destroy; stop: set it to stopped and keep it.",
    ),
  canonical: (value) => value as DeletePolicy,
  change: "no request",
} satisfies ProviderOnly<DeletePolicy>;

/** Only matters at create; naming another offer later means "manage that one instead". */
export const adoptId = {
  managed: "provider",
  sent: "never",
  schema: positiveInteger("an Affise offer id")
    .optional()
    .describe(
      "Take over this existing Affise offer (its integer id) instead of creating one; refused if " +
        "another resource or stack manages it.",
    ),
  canonical: Number,
  change: "replace",
} satisfies ProviderOnly<number>;

export const enabledAffiliates = {
  managed: "while declared",
  sent: "access requests",
  schema: listOf(positiveInteger("an affiliate id"), "affiliate ids")
    .optional()
    .describe("Affiliates given access (for protected and private offers); a set."),
  canonical: numberSet,
  empty: [],
} satisfies AccessList<number[]>;

/** Another account cannot be edited into this one: moving the offer is a replace. */
export const apiUrl = {
  managed: "provider",
  sent: "never",
  schema: httpUrl("an Affise API URL", { credentials: false })
    .optional()
    .describe("This offer's Affise tenant, instead of the stack's affise:apiUrl."),
  canonical: (value) => canonicalApiUrl(String(value)),
  change: "replace",
} satisfies ProviderOnly<string>;

export const apiKey = {
  managed: "provider",
  sent: "never",
  schema: nonEmptyText("an Affise API key")
    .min(MIN_API_KEY_LENGTH, {
      error: `must be at least ${MIN_API_KEY_LENGTH} characters (an Affise API key)`,
    })
    .optional()
    .describe("The API key for apiUrl (kept as a secret), instead of the stack's affise:apiKey."),
  canonical: String,
  change: "no request",
} satisfies ProviderOnly<string>;
