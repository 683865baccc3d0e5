/** Offers used across suites. The help-centre offer is Affise's own example. */
import type { OfferArgs } from "../provider";

export const ADVERTISER = "5e39279bac611cda7e5765ab";

export const helpCentreOffer: OfferArgs = {
  title: "Help-centre example",
  advertiser: ADVERTISER,
  url: "https://example.test/track?click={clickid}",
  payments: [
    {
      countries: ["RU", "US"],
      countryExclude: true,
      devices: ["desktop"],
      goal: "2",
      total: 100,
      revenue: 50,
      currency: "USD",
      type: "fixed",
      sub1: "abc",
    },
  ],
  partnerPayments: [
    {
      partners: [2],
      countries: ["RU"],
      goal: "3",
      total: 80,
      revenue: 40,
      currency: "USD",
      type: "fixed",
    },
  ],
};

/** A small offer with two general payments, numbered so many can be declared at once. */
export function sampleOffer(n: number): OfferArgs {
  return {
    title: `Sample offer ${n}`,
    advertiser: ADVERTISER,
    url: `https://example.test/o/${n}?click={clickid}`,
    payments: [
      { countries: ["DE", "AT"], total: 10 + (n % 7), revenue: 6, currency: "EUR", type: "fixed" },
      {
        countries: ["US"],
        devices: ["mobile", "tablet"],
        total: 12,
        revenue: 8,
        currency: "USD",
        type: "fixed",
      },
    ],
  };
}

/** A day `days` from today, as YYYY-MM-DD (Affise refuses a start date in the past). */
export function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** An offer that uses every field pulumi-affise manages. */
export function kitchenSinkOffer(): OfferArgs {
  return {
    title: "Kitchen sink",
    advertiser: ADVERTISER,
    url: "https://example.test/ks?click={clickid}",
    payments: [
      {
        countries: ["DE"],
        cities: [2950159],
        devices: ["mobile"],
        os: ["Android"],
        goal: "1",
        total: 3,
        revenue: 2,
        currency: "EUR",
        type: "fixed",
        title: "Lead",
        sub1: "a,b",
      },
      {
        countries: ["US"],
        countryExclude: true,
        goal: "2",
        total: 40,
        revenue: 30,
        currency: "USD",
        type: "percent",
      },
    ],
    partnerPayments: [
      { partners: [5], goal: "1", total: 4, revenue: 3, currency: "EUR", type: "fixed" },
    ],
    status: "active",
    privacy: "private",
    description: { en: "Win a holiday", de: "Gewinne einen Urlaub" },
    kpi: { en: "No incentivised traffic" },
    notes: "Seasonal; review in March",
    tags: ["summer", "sweepstakes"],
    categories: ["5368a3973b7d9b4d5d59f1ca", "59440f427e28feff5c8b4567"],
    urlPreview: "https://example.test/preview",
    trafficbackUrl: "https://example.test/fallback",
    holdPeriod: 7,
    holdType: "hours",
    startAt: dayFromToday(2),
    stopDate: dayFromToday(90),
    isTop: true,
    isCpi: true,
    caps: [
      { period: "day", type: "conversions", value: 100, goals: ["1"] },
      { period: "month", type: "budget", value: 2500.5, affiliateType: "each" },
    ],
    landings: [
      {
        title: "Main",
        url: "https://example.test/lp1?click={clickid}",
        urlPreview: "https://example.test/lp1",
      },
      {
        title: "Quiz",
        url: "https://example.test/lp2?click={clickid}",
        urlPreview: "https://example.test/lp2",
        type: "transit",
      },
    ],
    targeting: [
      {
        name: "DACH mobile",
        countries: { allow: ["DE", "AT", "CH"] },
        os: [{ name: "Android", comparison: "GTE", version: "10" }, { name: "iOS" }],
        devices: ["mobile", "tablet"],
        connections: ["wi-fi"],
      },
      { name: "No US", countries: { deny: ["US"] }, condition: "or", enabled: false },
    ],
    enabledAffiliates: [5, 9],
  };
}
