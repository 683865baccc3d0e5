/**
 * affise.Offer used directly from TypeScript: the help-centre offer written out, an offer whose
 * payments are computed from a table — the case where code beats YAML — and a private offer with
 * caps, landings and targeting that lives in a partner's own Affise account.
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

// A second Affise account, set with: pulumi config set partnerApiUrl https://api-partner.affise.com
//                                   pulumi config set --secret partnerApiKey <key>
const partnerApiUrl = config.get("partnerApiUrl");
const partnerOffer = partnerApiUrl
  ? new affise.Offer("partner-exclusive", {
      title: "Partner exclusive",
      advertiser,
      url: "https://shop.example.com/vip?click={clickid}",
      apiUrl: partnerApiUrl,
      apiKey: config.requireSecret("partnerApiKey"),
      status: "active",
      privacy: "private",
      enabledAffiliates: [2, 5],
      payments: [{ countries: ["DE"], total: 20, revenue: 15, currency: "EUR", type: "fixed" }],
      caps: [{ period: "day", type: "conversions", value: 200 }],
      landings: [
        {
          title: "VIP page",
          url: "https://shop.example.com/vip/lp?click={clickid}",
          urlPreview: "https://shop.example.com/vip/lp",
        },
      ],
      targeting: [{ name: "Germany, mobile", countries: { allow: ["DE"] }, devices: ["mobile"] }],
    })
  : undefined;

export const helpCentreId = helpCentre.id;
export const helpCentreOfferId = helpCentre.offerId;
export const springPromoPayments = springPromo.payments.apply((payments) => payments.length);
export const partnerOfferLandings = partnerOffer?.landings;
