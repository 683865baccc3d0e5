import type { ReviewPayment } from "../../review/payments";

/** A fixed US desktop payout as check leaves it: advertiser pays 100 USD, affiliate earns 50. */
export const payout = (over: Partial<ReviewPayment> = {}): ReviewPayment => ({
  countries: ["US"],
  countryExclude: false,
  cities: [],
  devices: ["desktop"],
  os: [],
  goal: "1",
  total: 100,
  revenue: 50,
  currency: "USD",
  type: "fixed",
  ...over,
});
