/**
 * The types at the provider's boundaries: what a program passes (`*Args`), what `check` hands the
 * engine (`Checked*`, normalised), and what the engine stores after create/update (`OfferState`).
 * `test/provider/types.test.ts` fails to compile if these drift from `schema.ts`.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { DELETE_POLICIES, DEVICES, PAYMENT_TYPES } from "./schema";

export type PaymentType = (typeof PAYMENT_TYPES)[number];
export type Device = (typeof DEVICES)[number];
export type DeletePolicy = (typeof DELETE_POLICIES)[number];

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

/** The offer as `check` returns it; the engine's preview diff compares two of these. */
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
}

/** Payment ids are Affise's (UUIDs); they are outputs, never compared. */
export type StoredPayment = CheckedPayment & { id?: string };
export type StoredPartnerPayment = CheckedPartnerPayment & { id?: string };

/** What the engine stores after create, update and read. The resource id is Affise's integer id. */
export interface OfferState extends Omit<CheckedOffer, "payments" | "partnerPayments"> {
  payments: StoredPayment[];
  partnerPayments: StoredPartnerPayment[];
  /** Affise's 24-hex offer_id. */
  offerId: string;
}
