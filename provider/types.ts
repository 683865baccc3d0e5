/**
 * The types at the provider's boundaries: what a program passes (`*Args`), what `check` hands the
 * engine (`Checked*`, normalised), and what the engine stores after create/update (`OfferState`).
 * `test/provider/types.test.ts` fails to compile if these drift from the field table.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { CAP_PERIODS, CAP_SCOPES, CAP_TYPES, capSchema } from "./fields/caps";
import type { LANDING_TYPES, landingSchema } from "./fields/landings";
import type {
  PartnerPaymentSchemaInput,
  PAYMENT_TYPES,
  PaymentSchemaInput,
} from "./fields/payment";
import type { DELETE_POLICIES } from "./fields/provider-only";
import type { HOLD_TYPES, OFFER_STATUSES, PRIVACY_LEVELS } from "./fields/settings";
import type { DEVICES } from "./fields/shapes";
import type {
  CONNECTION_TYPES,
  OS_COMPARISONS,
  osRuleSchema,
  TARGETING_CONDITIONS,
  targetingGroupSchema,
} from "./fields/targeting";
import type { OfferSchemaInput } from "./schema";

export type PaymentType = (typeof PAYMENT_TYPES)[number];
export type Device = (typeof DEVICES)[number];
export type DeletePolicy = (typeof DELETE_POLICIES)[number];
export type OfferStatus = (typeof OFFER_STATUSES)[number];
export type PrivacyLevel = (typeof PRIVACY_LEVELS)[number];
export type HoldType = (typeof HOLD_TYPES)[number];
export type CapPeriod = (typeof CAP_PERIODS)[number];
export type CapType = (typeof CAP_TYPES)[number];
export type CapScope = (typeof CAP_SCOPES)[number];
export type LandingType = (typeof LANDING_TYPES)[number];
export type TargetingCondition = (typeof TARGETING_CONDITIONS)[number];
export type OsComparison = (typeof OS_COMPARISONS)[number];
export type ConnectionType = (typeof CONNECTION_TYPES)[number];

/**
 * A declared value as a program may pass it: itself, or any part of it, as an Output or a Promise.
 * The argument types are the schema's input types so lifted: declared once, in the field table.
 */
type Lifted<T> = T extends readonly (infer Item)[]
  ? pulumi.Input<Lifted<Item>[]>
  : T extends object
    ? pulumi.Input<{ [K in keyof T]: Lifted<T[K]> }>
    : pulumi.Input<T>;
type ArgsOf<T> = { [K in keyof T]: Lifted<T[K]> };

/** An offer, as `new affise.Offer(name, args)` takes it (the fields of README's table). */
export type OfferArgs = ArgsOf<OfferSchemaInput>;
/** A general payment. Amounts are in `currency`; lists left out mean "any". */
export type PaymentArgs = ArgsOf<PaymentSchemaInput>;
/** A personal payment: only for the listed affiliates. */
export type PartnerPaymentArgs = ArgsOf<PartnerPaymentSchemaInput>;
/** A cap. Each list narrows it; its scope says how (default: exact when listed, else all). */
export type CapArgs = ArgsOf<z.input<typeof capSchema>>;
export type LandingArgs = ArgsOf<z.input<typeof landingSchema>>;
/** An OS rule, e.g. { name: "Android", comparison: "GTE", version: "10.0" }. */
export type OsRuleArgs = ArgsOf<z.input<typeof osRuleSchema>>;
export type TargetingGroupArgs = ArgsOf<z.input<typeof targetingGroupSchema>>;

/** A payment as `check` normalises it: codes uppercase, lists sorted and unique, defaults explicit. */
export interface CheckedPayment {
  title?: string;
  countries: string[];
  countryExclude: boolean;
  cities: number[];
  devices: Device[];
  os: string[];
  goal: string;
  total: number;
  revenue: number;
  currency: string;
  type: PaymentType;
  sub1?: string;
  sub2?: string;
  sub3?: string;
  sub4?: string;
  sub5?: string;
  sub6?: string;
  sub7?: string;
  sub8?: string;
}

export interface CheckedPartnerPayment extends CheckedPayment {
  partners: number[];
}

export interface CheckedCap {
  period: CapPeriod;
  type: CapType;
  value: number;
  goalType: CapScope;
  goals: string[];
  affiliateType: CapScope;
  affiliates: number[];
  countryType: CapScope;
  countries: string[];
}

export interface CheckedLanding {
  title: string;
  url: string;
  urlPreview: string;
  type: LandingType;
}

export interface CheckedOsRule {
  name: string;
  comparison?: OsComparison;
  version?: string;
}

export interface CheckedTargetingGroup {
  name: string;
  condition: TargetingCondition;
  enabled: boolean;
  countries: { allow: string[]; deny: string[] };
  os: CheckedOsRule[];
  osDeny: boolean;
  devices: Device[];
  devicesDeny: boolean;
  connections: ConnectionType[];
  connectionsDeny: boolean;
}

/**
 * The offer as `check` returns it; the engine's preview diff compares two of these. Fields with
 * a default are always there (and so always managed); the optional ones are managed only while
 * declared: Affise's value is left alone until then, and cleared when a declaration is removed.
 */
export interface CheckedOffer {
  title: string;
  advertiser: string;
  url: string;
  payments: CheckedPayment[];
  partnerPayments: CheckedPartnerPayment[];
  externalOfferId?: string;
  adoptId?: number;
  deletePolicy: DeletePolicy;
  /** The Pulumi resource name, handed in by `Offer` so errors can name the offer. */
  resourceName?: string;
  /** The stack's random token (StackMark), handed in by `Offer`: part of its own marker. */
  stackToken?: string;
  status: OfferStatus;
  privacy: PrivacyLevel;
  holdPeriod: number;
  holdType: HoldType;
  isTop: boolean;
  isCpi: boolean;
  description?: Record<string, string>;
  kpi?: Record<string, string>;
  notes?: string;
  tags?: string[];
  categories?: string[];
  urlPreview?: string;
  trafficbackUrl?: string;
  /** YYYY-MM-DD HH:MM:SS. */
  startAt?: string;
  /** YYYY-MM-DD. */
  stopDate?: string;
  caps?: CheckedCap[];
  landings?: CheckedLanding[];
  targeting?: CheckedTargetingGroup[];
  enabledAffiliates?: number[];
  apiUrl?: string;
  apiKey?: string;
}

/** Payment ids are Affise's (UUIDs); they are outputs, never compared. */
export type StoredPayment = CheckedPayment & { id?: string };
export type StoredPartnerPayment = CheckedPartnerPayment & { id?: string };
/** Landing ids are Affise's integers, targeting group ids its UUIDs; outputs, never compared. */
export type StoredLanding = CheckedLanding & { id?: number };
export type StoredTargetingGroup = CheckedTargetingGroup & { id?: string };

/** What the engine stores after create, update and read. The resource id is Affise's integer id. */
export interface OfferState extends Omit<
  CheckedOffer,
  "payments" | "partnerPayments" | "landings" | "targeting"
> {
  payments: StoredPayment[];
  partnerPayments: StoredPartnerPayment[];
  landings?: StoredLanding[];
  targeting?: StoredTargetingGroup[];
  /** Affise's 24-hex offer_id. */
  offerId: string;
  /** The Affise API the offer lives in (guards against a stack pointed at another tenant). */
  tenantUrl?: string;
}
