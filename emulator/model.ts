/** The offer as the emulator stores it: validated, canonical, independent of Affise's read shape. */

export const OFFER_STATUSES = ["active", "stopped", "suspended"] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const PRIVACY_LEVELS = ["public", "protected", "private"] as const;
export type Privacy = (typeof PRIVACY_LEVELS)[number];

export const PAYMENT_TYPES = [
  "fixed",
  "percent",
  "mixed",
  "cpc",
  "cpm",
  "first_cpa",
  "first_cps",
  "baseline_onetime",
  "baseline_accumulating",
] as const;
export type PaymentType = (typeof PAYMENT_TYPES)[number];

export const HOLD_TYPES = ["days", "hours"] as const;
export type HoldType = (typeof HOLD_TYPES)[number];

export interface StoredPayment {
  /** UUIDv4 assigned by the emulator. */
  id: string;
  title: string;
  /** ISO-2 codes, in the order and case sent (the read model applies the tenant's case). */
  countries: string[];
  countryExclude: boolean;
  cities: number[];
  devices: string[];
  os: string[];
  goal: string;
  total: number;
  revenue: number;
  /** ECB code, in the case sent. */
  currency: string;
  type: PaymentType;
  /** sub1..sub8 and custom_field1..15 that were set to a non-empty value. */
  extras: Record<string, string>;
  baselineValue: number | null;
}

export interface StoredPartnerPayment extends StoredPayment {
  partners: number[];
}

export interface StoredCap {
  period: string;
  type: string;
  value: number;
  goalType: string;
  goals: string[];
  affiliateType: string;
  affiliates: number[];
  countryType: string;
  countries: string[];
}

export interface StoredLanding {
  id: number;
  title: string;
  url: string;
  urlPreview: string;
  type: string;
}

export interface StoredOsRule {
  name: string;
  comparison: string;
  version: string;
}

export interface StoredTargetingGroup {
  id: string;
  name: string;
  condition: string;
  enabled: boolean;
  countryAllow: string[];
  countryDeny: string[];
  os: StoredOsRule[];
  osDeny: boolean;
  deviceTypes: string[];
  deviceTypeDeny: boolean;
  connections: string[];
  connectionDeny: boolean;
}

export interface StoredOffer {
  id: number;
  /** 24-hex identifier Affise returns as `offer_id`. */
  offerId: string;
  advertiser: string;
  title: string;
  url: string;
  status: OfferStatus;
  privacy: Privacy;
  externalOfferId: string;
  bundleId: string;
  payments: StoredPayment[];
  partnerPayments: StoredPartnerPayment[];
  descriptionLang: Record<string, string>;
  kpi: Record<string, string>;
  notes: string | null;
  tags: string[];
  categories: string[];
  urlPreview: string;
  trafficbackUrl: string;
  holdPeriod: number;
  holdType: HoldType;
  isTop: boolean;
  isCpi: boolean;
  caps: StoredCap[];
  landings: StoredLanding[];
  targeting: StoredTargetingGroup[];
  affiliatesEnabled: number[];
  affiliatesDisabled: number[];
  /** http302, http302hidden, js or meta; absent in offers stored before it was kept. */
  redirectType?: string;
  /** Traffic source ids (24 hex). */
  sources?: string[];
  /** `YYYY-MM-DD HH:MM:SS` (UTC). */
  startAt: string;
  stopAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Values a fresh offer has before the create request's fields are applied. */
export function blankOffer(id: number, offerId: string, now: string): StoredOffer {
  return {
    id,
    offerId,
    advertiser: "",
    title: "",
    url: "",
    status: "stopped",
    privacy: "public",
    externalOfferId: "",
    bundleId: "",
    payments: [],
    partnerPayments: [],
    descriptionLang: {},
    kpi: {},
    notes: null,
    tags: [],
    categories: [],
    urlPreview: "",
    trafficbackUrl: "",
    holdPeriod: 0,
    holdType: "days",
    isTop: false,
    isCpi: false,
    caps: [],
    landings: [],
    targeting: [],
    affiliatesEnabled: [],
    affiliatesDisabled: [],
    startAt: now,
    stopAt: null,
    createdAt: now,
    updatedAt: now,
  };
}
