/**
 * Taking over an offer that already exists in Affise. `pulumi import` cannot do it for a dynamic
 * provider (see README.md), so the offer is declared with `adoptId`: on the first `pulumi up`,
 * instead of creating an offer, the provider reads offer `adoptId` and edits it to this declaration.
 */
import * as pulumi from "@pulumi/pulumi";
import * as affise from "pulumi-affise";

const config = new pulumi.Config();

const legacy = new affise.Offer("legacy-summer-offer", {
  // The Affise offer id (the integer in the offer's URL), e.g. `pulumi config set adoptId 1234`.
  adoptId: config.requireNumber("adoptId"),
  // Declare the offer as it must be from now on: the first `up` makes Affise match it, and the
  // payments listed here replace the offer's payments as a whole.
  title: "Summer offer (managed by Pulumi)",
  advertiser: "5e39279bac611cda7e5765ab",
  url: "https://example.com/summer?click={clickid}",
  payments: [
    { countries: ["DE"], goal: "1", total: 10, revenue: 7, currency: "EUR", type: "fixed" },
  ],
  // An offer with a history: if it is ever removed from this program, stop it rather than delete it.
  deletePolicy: "stop",
});

export const offerId = legacy.id;
