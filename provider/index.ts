/** pulumi-affise: `import * as affise from "pulumi-affise"; new affise.Offer("name", {...})`. */
export { Offer } from "./offer";
export { offerProvider } from "./offer-provider";
export { StackMark, stackMark, stackMarkProvider } from "./stack-mark";
export { ownMarker } from "./ownership";
export { encodeOfferForm } from "./encoding";
export { AffiseClient } from "./client";
export { AffiseError } from "./errors";
export type {
  OfferArgs,
  PaymentArgs,
  PartnerPaymentArgs,
  PaymentType,
  Device,
  DeletePolicy,
  CheckedOffer,
  CheckedPayment,
  CheckedPartnerPayment,
  OfferState,
} from "./types";
export { offerSchema } from "./schema";
export { PAYMENT_TYPES } from "./fields/payment";
export { DEVICES } from "./fields/shapes";
export { DELETE_POLICIES } from "./fields/provider-only";
export { loadOfferFiles, formatOfferFileError, offerFileSchema } from "./offer-files";
export type { OfferFile, OfferFileError, LoadedOfferFiles } from "./offer-files";
export { declareOffers, offerSummaries, OfferFilesError } from "./declare-offers";
export type { DeclareOffersOptions, OfferSummary } from "./declare-offers";
