/**
 * Compile-time proof that the public TypeScript interfaces and the schema describe the same fields:
 * ts-jest type-checks this file, so drift fails the suite.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { OfferArgs, PartnerPaymentArgs, PaymentArgs } from "../../provider";
import type {
  OfferSchemaInput,
  PartnerPaymentSchemaInput,
  PaymentSchemaInput,
} from "../../provider/schema";

type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : false;
type Assignable<From, To> = [From] extends [To] ? true : false;
type Plain<T> = pulumi.Unwrap<T>;

const checks: {
  offerKeys: SameKeys<OfferArgs, OfferSchemaInput>;
  paymentKeys: SameKeys<PaymentArgs, PaymentSchemaInput>;
  partnerKeys: SameKeys<PartnerPaymentArgs, PartnerPaymentSchemaInput>;
  paymentValues: Assignable<Plain<PaymentArgs>, PaymentSchemaInput>;
  partnerValues: Assignable<Plain<PartnerPaymentArgs>, PartnerPaymentSchemaInput>;
} = {
  offerKeys: true,
  paymentKeys: true,
  partnerKeys: true,
  paymentValues: true,
  partnerValues: true,
};

it("keeps OfferArgs, PaymentArgs and PartnerPaymentArgs in step with the schema", () => {
  expect(Object.values(checks).every(Boolean)).toBe(true);
});
