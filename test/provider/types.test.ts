/**
 * Compile-time proof that the public TypeScript interfaces and the schema describe the same fields:
 * ts-jest type-checks this file, so drift fails the suite.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { OfferArgs, PartnerPaymentArgs, PaymentArgs } from "../../provider";
import type { capSchema } from "../../provider/fields/caps";
import type { landingSchema } from "../../provider/fields/landings";
import type { PartnerPaymentSchemaInput, PaymentSchemaInput } from "../../provider/fields/payment";
import type { targetingGroupSchema } from "../../provider/fields/targeting";
import type { OfferSchemaInput } from "../../provider/schema";
import type { CapArgs, LandingArgs, TargetingGroupArgs } from "../../provider/types";

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
  capKeys: SameKeys<CapArgs, z.input<typeof capSchema>>;
  capValues: Assignable<Plain<CapArgs>, z.input<typeof capSchema>>;
  landingKeys: SameKeys<LandingArgs, z.input<typeof landingSchema>>;
  landingValues: Assignable<Plain<LandingArgs>, z.input<typeof landingSchema>>;
  targetingKeys: SameKeys<TargetingGroupArgs, z.input<typeof targetingGroupSchema>>;
  targetingValues: Assignable<Plain<TargetingGroupArgs>, z.input<typeof targetingGroupSchema>>;
} = {
  offerKeys: true,
  paymentKeys: true,
  partnerKeys: true,
  paymentValues: true,
  partnerValues: true,
  capKeys: true,
  capValues: true,
  landingKeys: true,
  landingValues: true,
  targetingKeys: true,
  targetingValues: true,
};

it("keeps the public argument types in step with the schema", () => {
  expect(Object.values(checks).every(Boolean)).toBe(true);
});
