/**
 * pulumi-affise: `import * as affise from "pulumi-affise"; new affise.Offer("name", {...})`.
 * README's "The package exports" lists exactly these names (a test compares them).
 */
export { Offer } from "./lifecycle/offer";
export { encodeOfferForm } from "./encoding";
// What every `__provider` saved in state loads from the installed package, whatever its version.
export { offerProvider } from "./lifecycle/offer-provider";
export { stackMarkProvider } from "./lifecycle/stack-mark";
export type {
  OfferArgs,
  PaymentArgs,
  PartnerPaymentArgs,
  CapArgs,
  LandingArgs,
  TargetingGroupArgs,
  OsRuleArgs,
  PaymentType,
  Device,
  DeletePolicy,
} from "./types";
