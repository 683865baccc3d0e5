/** Offers used across suites. The help-centre offer is Affise's own example. */
import type { OfferArgs } from "../../provider";

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
