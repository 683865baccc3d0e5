/** `affise.Offer`: an Affise offer and its payments, as a Pulumi resource. */
import * as pulumi from "@pulumi/pulumi";
import { serializedOfferProvider } from "./serialized-provider";
import type { CheckedPartnerPayment, CheckedPayment, DeletePolicy, OfferArgs } from "./types";

export class Offer extends pulumi.dynamic.Resource {
  /** Affise's 24-hex offer_id. (The resource `id` is Affise's integer id.) */
  declare readonly offerId: pulumi.Output<string>;
  declare readonly title: pulumi.Output<string>;
  declare readonly advertiser: pulumi.Output<string>;
  declare readonly url: pulumi.Output<string>;
  /** Normalised payments, each with the `id` Affise assigned. */
  declare readonly payments: pulumi.Output<(CheckedPayment & { id?: string })[]>;
  declare readonly partnerPayments: pulumi.Output<(CheckedPartnerPayment & { id?: string })[]>;
  declare readonly externalOfferId: pulumi.Output<string>;
  declare readonly deletePolicy: pulumi.Output<DeletePolicy>;

  constructor(name: string, args: OfferArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      serializedOfferProvider,
      name,
      {
        ...args,
        externalOfferId: args.externalOfferId ?? defaultExternalOfferId(name),
        resourceName: name,
        offerId: undefined,
        partnerPayments: args.partnerPayments,
        deletePolicy: args.deletePolicy,
      },
      opts,
      "affise",
      "Offer",
    );
  }
}

/**
 * The marker written to external_offer_id so an interrupted create can find its offer again:
 * deterministic per project, stack and resource name.
 */
export function defaultExternalOfferId(name: string): string {
  return `pulumi/${pulumi.getProject()}/${pulumi.getStack()}/${name}`;
}
