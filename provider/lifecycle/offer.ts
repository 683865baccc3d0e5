/** `affise.Offer`: an Affise offer and its payments, as a Pulumi resource. */
import * as pulumi from "@pulumi/pulumi";
import { ownMarker } from "./ownership";
import { serializedOfferProvider } from "./serialized-providers";
import { stackMark } from "./stack-mark";
import type {
  CheckedCap,
  CheckedPartnerPayment,
  CheckedPayment,
  DeletePolicy,
  HoldType,
  OfferArgs,
  OfferStatus,
  PrivacyLevel,
  StoredLanding,
  StoredTargetingGroup,
} from "../types";

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
  declare readonly status: pulumi.Output<OfferStatus>;
  declare readonly privacy: pulumi.Output<PrivacyLevel>;
  declare readonly holdPeriod: pulumi.Output<number>;
  declare readonly holdType: pulumi.Output<HoldType>;
  declare readonly isTop: pulumi.Output<boolean>;
  declare readonly isCpi: pulumi.Output<boolean>;
  declare readonly description: pulumi.Output<Record<string, string> | undefined>;
  declare readonly kpi: pulumi.Output<Record<string, string> | undefined>;
  declare readonly notes: pulumi.Output<string | undefined>;
  declare readonly tags: pulumi.Output<string[] | undefined>;
  declare readonly categories: pulumi.Output<string[] | undefined>;
  declare readonly urlPreview: pulumi.Output<string | undefined>;
  declare readonly trafficbackUrl: pulumi.Output<string | undefined>;
  declare readonly startAt: pulumi.Output<string | undefined>;
  declare readonly stopDate: pulumi.Output<string | undefined>;
  declare readonly caps: pulumi.Output<CheckedCap[] | undefined>;
  /** Landings, each with the integer `id` Affise assigned. */
  declare readonly landings: pulumi.Output<StoredLanding[] | undefined>;
  /** Targeting groups, each with the UUID `id` Affise assigned. */
  declare readonly targeting: pulumi.Output<StoredTargetingGroup[] | undefined>;
  declare readonly enabledAffiliates: pulumi.Output<number[] | undefined>;
  /** The Affise API the offer lives in. */
  declare readonly tenantUrl: pulumi.Output<string>;

  constructor(name: string, args: OfferArgs, opts?: pulumi.CustomResourceOptions) {
    const { apiKey, ...rest } = args;
    const mark = stackMark();
    super(
      serializedOfferProvider,
      name,
      {
        ...OUTPUT_PLACEHOLDERS,
        ...rest,
        // A per-offer key is an input like any other, so it is in state: keep it encrypted there.
        apiKey: apiKey === undefined ? undefined : pulumi.secret(apiKey),
        externalOfferId: args.externalOfferId ?? mark.token.apply((t) => ownMarker(t, name)),
        resourceName: name,
        stackToken: mark.token,
      },
      { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), "apiKey"] },
      "affise",
      "Offer",
    );
  }
}

/** Registered as undefined so the engine's outputs of these names become properties. */
const OUTPUT_PLACEHOLDERS = {
  offerId: undefined,
  tenantUrl: undefined,
  partnerPayments: undefined,
  deletePolicy: undefined,
  status: undefined,
  privacy: undefined,
  holdPeriod: undefined,
  holdType: undefined,
  isTop: undefined,
  isCpi: undefined,
  description: undefined,
  kpi: undefined,
  notes: undefined,
  tags: undefined,
  categories: undefined,
  urlPreview: undefined,
  trafficbackUrl: undefined,
  startAt: undefined,
  stopDate: undefined,
  caps: undefined,
  landings: undefined,
  targeting: undefined,
  enabledAffiliates: undefined,
};
