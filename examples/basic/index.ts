/**
 * affise.Offer used directly from TypeScript: the help-centre offer written out, and an offer whose
 * payments are computed from a table — the case where code beats YAML.
 */
import * as pulumi from "@pulumi/pulumi";
import * as affise from "pulumi-affise";

const config = new pulumi.Config();
const advertiser = config.get("advertiser") ?? "5e39279bac611cda7e5765ab";

const helpCentre = new affise.Offer("help-centre", {
  title: "Help-centre example",
  advertiser,
  url: "https://example.com/track?click={clickid}",
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
});

// One payment per market; the affiliate keeps 60% of what the advertiser pays.
const markets: { countries: string[]; total: number; currency: string }[] = [
  { countries: ["DE", "AT", "CH"], total: 12, currency: "EUR" },
  { countries: ["GB"], total: 10, currency: "GBP" },
  { countries: ["US", "CA"], total: 14, currency: "USD" },
];

const springPromo = new affise.Offer("spring-promo", {
  title: "Spring promo",
  advertiser,
  url: "https://shop.example.com/spring?click={clickid}",
  payments: markets.map(({ countries, total, currency }) => ({
    title: `${countries.join("/")} sales`,
    countries,
    goal: "2",
    total,
    revenue: Math.round(total * 0.6 * 100) / 100,
    currency,
    type: "fixed",
  })),
  // Keep the offer, stopped, in Affise when it is removed from this program.
  deletePolicy: "stop",
});

export const helpCentreId = helpCentre.id;
export const helpCentreOfferId = helpCentre.offerId;
export const springPromoPayments = springPromo.payments.apply((payments) => payments.length);
