/** Offers as an affiliate's key reads them, modelled on Affise's SDK data and live tenants. */
const pair = (allow: unknown = [], deny: unknown = []) => ({ allow, deny });

/** What an affiliate's key reads: no advertiser, no payment total (Go SDK, PHP SDK, live tenants). */
export const AFFILIATE_VIEWS: { name: string; answer: Record<string, unknown> }[] = [
  {
    name: "Go SDK partner offer list item",
    answer: {
      id: 902,
      offer_id: "6718dac83b7d9bf8588b4580",
      title: "...",
      payments: [
        {
          countries: ["US"],
          cities: [],
          country_exclude: false,
          goal: "1",
          revenue: 150,
          currency: "USD",
          type: "fixed",
          devices: [],
          os: [],
        },
      ],
      caps: [
        {
          period: "day",
          type: "conversions",
          value: 100,
          goal_type: "exact",
          goals: { "1": "Install" },
        },
      ],
      links: [{ id: null, title: null, url: "https://t.test/click?pid=610&offer_id=902" }],
    },
  },
  {
    name: "PHP SDK partner offer: device_type as {allow, deny}, upper-case country with lower-case currency",
    answer: {
      id: 11,
      offer_id: "6f05f2f5134ed05c008b4571",
      title: "Dating NO",
      payments: [
        {
          countries: ["NO"],
          goal: "1",
          revenue: 17.57,
          currency: "usd",
          title: "",
          type: "fixed",
          country_exclude: false,
        },
      ],
      targeting: [{ country: pair(), device_type: pair(), connection: [] }],
    },
  },
  {
    name: "live tenant partner view with no payments",
    answer: { id: 77, offer_id: "77", title: "Empty", payments: [], caps: [] },
  },
];
