/** What the offer is: its title, advertiser, tracking URL and external id. */
import { z } from "zod";
import { readId, readText } from "../affise/read-values";
import type { AlwaysManaged, FormFields } from "./field";
import { HEX24, httpUrl, nonEmptyText } from "./shapes";

const trimmed = (value: unknown) => String(value).trim();

/** A text sent as itself under Affise's name. */
export const sendText =
  (name: string) =>
  (value: string, form: FormFields): void => {
    form[name] = value;
  };

export const title = {
  managed: "always",
  sent: "form",
  schema: nonEmptyText("the offer's title").describe("The offer's title."),
  canonical: trimmed,
  wire: ["title"],
  encode: sendText("title"),
  decode: (offer) => readText(offer.title, "title"),
} satisfies AlwaysManaged<string>;

export const advertiser = {
  managed: "always",
  sent: "form",
  schema: z
    .string({ error: "must be an advertiser id (24 hexadecimal characters)" })
    .regex(HEX24, {
      error: "must be an advertiser id (24 hexadecimal characters, from /3.0/admin/advertisers)",
    })
    .describe("The advertiser's id (24 hex characters)."),
  canonical: (value) => String(value).toLowerCase(),
  wire: ["advertiser"],
  encode: sendText("advertiser"),
  decode: (offer) => (offer.advertiser === undefined ? "" : readId(offer.advertiser, "advertiser")),
} satisfies AlwaysManaged<string>;

export const url = {
  managed: "always",
  sent: "form",
  schema: httpUrl("the tracking URL").describe(
    "The tracking URL traffic is sent to; Affise macros such as {clickid} are allowed.",
  ),
  canonical: trimmed,
  wire: ["url"],
  encode: sendText("url"),
  decode: (offer) => readText(offer.url, "url"),
} satisfies AlwaysManaged<string>;

/** Always read and sent when set; never cleared (Offer always sets it: its own marker by default). */
export const externalOfferId = {
  managed: "always",
  sent: "form",
  schema: nonEmptyText("an external offer id")
    .max(255, { error: "must be at most 255 characters" })
    .optional()
    .describe(
      "Affise's external_offer_id. Default: this stack's own marker (pulumi-affise:<stack token>:<name>), " +
        "which proves the offer is this resource's. A value you set here proves nothing: an offer " +
        "found carrying it is refused until you name it with adoptId.",
    ),
  canonical: trimmed,
  wire: ["external_offer_id"],
  encode: sendText("external_offer_id"),
  decode: (offer) => offer.external_offer_id || undefined,
} satisfies AlwaysManaged<string>;
