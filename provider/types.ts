/**
 * The types at the provider's boundaries: what a program passes (`*Args`), what `check` hands the
 * engine (`Checked*`, normalised), and what the engine stores after create/update (`OfferState`).
 * `test/provider/types.test.ts` fails to compile if these drift from the field table.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { CAP_PERIODS, CAP_SCOPES, CAP_TYPES } from "./fields/caps";
import type { LANDING_TYPES } from "./fields/landings";
import type { PAYMENT_TYPES } from "./fields/payment";
import type { DELETE_POLICIES } from "./fields/provider-only";
import type { HOLD_TYPES, OFFER_STATUSES, PRIVACY_LEVELS } from "./fields/settings";
import type { DEVICES } from "./fields/shapes";
import type { CONNECTION_TYPES, OS_COMPARISONS, TARGETING_CONDITIONS } from "./fields/targeting";

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

type In<T> = pulumi.Input<T>;
type InList<T> = pulumi.Input<pulumi.Input<T>[]>;

/** A general payment. Amounts are in `currency`; lists left out mean "any". */
export interface PaymentArgs {
  /** ISO 3166-1 alpha-2 codes, e.g. ["RU", "US"]. */
  countries?: InList<string>;
  /** true: the payment applies everywhere except `countries`. */
  countryExclude?: In<boolean>;
  /** Affise city ids. */
  cities?: InList<number>;
  devices?: InList<Device>;
  /** OS names as Affise lists them, e.g. ["Android", "iOS"]. */
  os?: InList<string>;
  /** Goal value; default "1". */
  goal?: In<string>;
  /** What the advertiser pays. */
  total: In<number>;
  /** What the affiliate earns. */
  revenue: In<number>;
  /** Currency code, e.g. "USD". */
  currency: In<string>;
  type: In<PaymentType>;
  title?: In<string>;
  sub1?: In<string>;
  sub2?: In<string>;
  sub3?: In<string>;
  sub4?: In<string>;
  sub5?: In<string>;
  sub6?: In<string>;
  sub7?: In<string>;
  sub8?: In<string>;
}

/** A personal payment: only for the listed affiliates. */
export interface PartnerPaymentArgs extends PaymentArgs {
  /** Affiliate ids; at least one. */
  partners: InList<number>;
}

/** A cap. Each list narrows it; its scope says how (default: exact when listed, else all). */
export interface CapArgs {
  period: In<CapPeriod>;
  type: In<CapType>;
  /** A whole number, or an amount for a budget cap. */
  value: In<number>;
  goalType?: In<CapScope>;
  goals?: InList<string>;
  affiliateType?: In<CapScope>;
  affiliates?: InList<number>;
  countryType?: In<CapScope>;
  countries?: InList<string>;
}

export interface LandingArgs {
  title: In<string>;
  url: In<string>;
  urlPreview: In<string>;
  /** "landing" (default) or "transit". */
  type?: In<LandingType>;
}

/** An OS rule, e.g. { name: "Android", comparison: "GTE", version: "10.0" }. */
export interface OsRuleArgs {
  name: In<string>;
  comparison?: In<OsComparison>;
  version?: In<string>;
}

export interface TargetingGroupArgs {
  name?: In<string>;
  /** "and" (default): every rule must match; "or": any. */
  condition?: In<TargetingCondition>;
  /** Default true. */
  enabled?: In<boolean>;
  countries?: In<{ allow?: InList<string>; deny?: InList<string> }>;
  os?: InList<OsRuleArgs>;
  osDeny?: In<boolean>;
  devices?: InList<Device>;
  devicesDeny?: In<boolean>;
  connections?: InList<ConnectionType>;
  connectionsDeny?: In<boolean>;
}

export interface OfferArgs {
  title: In<string>;
  /** Advertiser id, 24 hex characters. */
  advertiser: In<string>;
  /** Tracking URL. */
  url: In<string>;
  /** At least one general payment. */
  payments: InList<PaymentArgs>;
  partnerPayments?: InList<PartnerPaymentArgs>;
  /** Affise external_offer_id; default: a marker from project, stack and resource name. */
  externalOfferId?: In<string>;
  /** Take over this existing Affise offer (integer id) instead of creating one. */
  adoptId?: In<number>;
  /** What destroy does in Affise: "delete" (default) or "stop". */
  deletePolicy?: In<DeletePolicy>;
  /** Default "stopped" (Affise's default). */
  status?: In<OfferStatus>;
  /** Default "public". */
  privacy?: In<PrivacyLevel>;
  /** Per language, e.g. { en: "..." }. */
  description?: In<Record<string, In<string>>>;
  kpi?: In<Record<string, In<string>>>;
  notes?: In<string>;
  tags?: InList<string>;
  /** Category ids. */
  categories?: InList<string>;
  urlPreview?: In<string>;
  trafficbackUrl?: In<string>;
  /** 0-60, in holdType units; default 0. */
  holdPeriod?: In<number>;
  /** "days" (default) or "hours". */
  holdType?: In<HoldType>;
  /** YYYY-MM-DD or YYYY-MM-DD HH:MM:SS. */
  startAt?: In<string>;
  /** YYYY-MM-DD. */
  stopDate?: In<string>;
  isTop?: In<boolean>;
  isCpi?: In<boolean>;
  caps?: InList<CapArgs>;
  landings?: InList<LandingArgs>;
  targeting?: InList<TargetingGroupArgs>;
  /** Affiliates given access (protected and private offers); a set. */
  enabledAffiliates?: InList<number>;
  /** This offer's Affise tenant instead of the stack's (with apiKey). */
  apiUrl?: In<string>;
  /** The tenant's API key; stored as a secret. */
  apiKey?: In<string>;
}

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
