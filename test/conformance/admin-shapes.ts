/**
 * Offers in the shapes real Affise tenants answer an admin's key with (here: Go SDK data), each paired with the
 * declaration that describes it. Written for this project, modelled on (not copied from)
 * Affise's Go and PHP SDK test data, its API docs' examples and answers captured from live
 * tenants: the values are ours, the shapes are theirs.
 */
import type { OfferArgs } from "../../provider";

export interface Shape {
  /** What the shape is modelled on, and what about it matters. */
  name: string;
  answer: Record<string, unknown>;
  declaration: OfferArgs;
}

const ADVERTISER = "5bc9d7c16d73e41c008b4567";
const base: OfferArgs = {
  title: "Conformance",
  advertiser: ADVERTISER,
  url: "https://t.test/c?click={clickid}",
  payments: [{ total: 10, revenue: 8, currency: "USD", type: "fixed" }],
};
const emptyPair = () => ({ allow: [], deny: [] });

export const ADMIN_SHAPES: Shape[] = [
  {
    name: "Go SDK GET offer: lower-case codes, caps goals as a value → title map, is_top as 0/1, sub_accounts map",
    answer: {
      id: 906,
      offer_id: "6721f8e03b7d9b7f058b4571",
      advertiser: ADVERTISER,
      external_offer_id: "",
      title: "Conformance",
      url: "https://t.test/c?click={clickid}",
      status: "active",
      privacy: "public",
      is_top: 0,
      is_cpi: false,
      hold_period: 0,
      notes: null,
      description_lang: { ru: "", en: "", es: "" },
      sources: [],
      payments: [
        {
          countries: ["kz"],
          cities: [],
          devices: [],
          os: ["Mac OS X"],
          goal: "4",
          total: 1600,
          revenue: 1020,
          currency: "rub",
          title: "...",
          type: "fixed",
          url: null,
          country_exclude: false,
          with_regions: false,
        },
      ],
      partner_payments: [
        {
          countries: [],
          cities: [],
          devices: [],
          os: [],
          goal: "2",
          total: 1600,
          revenue: 900,
          currency: "usd",
          title: "...",
          type: "fixed",
          url: null,
          country_exclude: false,
          with_regions: false,
          partners: [610],
        },
      ],
      caps: [
        {
          period: "day",
          type: "conversions",
          value: 100,
          goal_type: "exact",
          goals: { "1": "Install", "2": "Register" },
          affiliate_type: "exact",
          affiliates: [500, 600],
        },
        {
          period: "month",
          type: "budget",
          value: 100,
          goal_type: "each",
          goals: {},
          affiliate_type: "each",
          affiliates: [],
        },
      ],
      commission_tiers: [{ affiliate_type: "exact", affiliates: [1], goals: [], value: 55.6 }],
      sub_accounts: { "1": { value: "", except: false }, "2": { value: "", except: false } },
      redirect_type: "http302",
      strictly_brands: null,
      minimal_click_session: null,
    },
    declaration: {
      ...base,
      status: "active",
      payments: [
        {
          countries: ["KZ"],
          os: ["Mac OS X"],
          goal: "4",
          total: 1600,
          revenue: 1020,
          currency: "RUB",
          type: "fixed",
          title: "...",
        },
      ],
      partnerPayments: [
        {
          partners: [610],
          goal: "2",
          total: 1600,
          revenue: 900,
          currency: "USD",
          type: "fixed",
          title: "...",
        },
      ],
      caps: [
        {
          period: "day",
          type: "conversions",
          value: 100,
          goals: ["1", "2"],
          affiliates: [500, 600],
        },
        { period: "month", type: "budget", value: 100, goalType: "each", affiliateType: "each" },
      ],
    },
  },
  {
    name: "Go SDK offer list item: city objects with a region name, landings, a full targeting group, caps goals []",
    answer: {
      id: 331,
      offer_id: "6bdffa7339f65625008b4570",
      advertiser: ADVERTISER,
      title: "Conformance",
      url: "https://t.test/c?click={clickid}",
      status: "active",
      privacy: "public",
      is_top: 0,
      payments: [
        {
          countries: ["kz"],
          cities: [
            { country_code: "KZ", id: 563497, name: "Maksut", region_code: "Qostanay Oblysy" },
          ],
          devices: [],
          os: [],
          goal: "1",
          revenue: 500,
          currency: "usd",
          title: "goal1",
          type: "fixed",
          country_exclude: false,
          total: 1000,
          with_regions: false,
          url: null,
        },
      ],
      partner_payments: [],
      landings: [
        {
          id: 1,
          title: "...",
          url: "https://t.test/l1/",
          url_preview: "https://t.test/l1/",
          type: "landing",
        },
      ],
      targeting: [
        {
          country: emptyPair(),
          region: emptyPair(),
          city: emptyPair(),
          os: emptyPair(),
          isp: emptyPair(),
          ip: emptyPair(),
          browser: emptyPair(),
          brand: emptyPair(),
          device_type: [],
          connection: [],
          affiliate_id: [],
          sub: { allow: [], deny: [], deny_groups: [] },
        },
      ],
      caps: [
        {
          period: "all",
          type: "budget",
          value: 100,
          goal_type: "all",
          goals: [],
          affiliate_type: "all",
          affiliates: [],
        },
      ],
      strictly_connection_type: null,
      restriction_isp: null,
      stop_at: "",
    },
    declaration: {
      ...base,
      status: "active",
      payments: [
        {
          countries: ["KZ"],
          cities: [563497],
          goal: "1",
          total: 1000,
          revenue: 500,
          currency: "USD",
          type: "fixed",
          title: "goal1",
        },
      ],
      landings: [{ title: "...", url: "https://t.test/l1/", urlPreview: "https://t.test/l1/" }],
      targeting: [{}],
      caps: [{ period: "all", type: "budget", value: 100 }],
    },
  },
];
