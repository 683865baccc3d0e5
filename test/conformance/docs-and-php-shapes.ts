/**
 * Admin answers modelled on Affise's PHP SDK test data and its API docs' examples, each paired
 * with its declaration (see admin-shapes.ts).
 */
import type { Shape } from "./admin-shapes";

const ADVERTISER = "5bc9d7c16d73e41c008b4567";
const base = {
  title: "Conformance",
  advertiser: ADVERTISER,
  url: "https://t.test/c?click={clickid}",
};
const emptyPair = () => ({ allow: [], deny: [] });

export const DOCS_AND_PHP_SHAPES: Shape[] = [
  {
    name: "PHP SDK admin offer: decimal amounts, region_code as a number, sources as ids, sub_accounts as a list, caps goals as a list",
    answer: {
      id: 907,
      offer_id: "6721f8e03b7d9b7f058b4572",
      advertiser: ADVERTISER,
      external_offer_id: "46cc97dc3b7d9b10758b45f1",
      title: "Conformance",
      url: "https://t.test/c?click={clickid}",
      status: "active",
      privacy: "public",
      is_top: 0,
      hide_referer: false,
      sources: ["51f531f53b7d9b1e0382f6d9", "51f532053b7d9b340eea741a"],
      payments: [
        {
          countries: ["kz"],
          cities: [{ country_code: "KZ", id: 563497, name: "Maksut", region_code: 30 }],
          devices: [],
          os: [],
          goal: "1",
          revenue: 500.75,
          currency: "usd",
          title: "goal1",
          type: "fixed",
          country_exclude: false,
          total: 1000.25,
          with_regions: false,
        },
      ],
      partner_payments: [],
      caps: [
        {
          period: "day",
          type: "conversions",
          value: 100,
          goal_type: "exact",
          goals: ["Install"],
          affiliate_type: "exact",
          affiliates: [500, 600],
          country_type: "all",
        },
      ],
      sub_accounts: [
        { value: "", except: false },
        { value: "", except: false },
      ],
      reject_not_unique_ip: false,
    },
    declaration: {
      ...base,
      status: "active",
      externalOfferId: "46cc97dc3b7d9b10758b45f1",
      payments: [
        {
          countries: ["KZ"],
          cities: [563497],
          goal: "1",
          total: 1000.25,
          revenue: 500.75,
          currency: "USD",
          type: "fixed",
          title: "goal1",
        },
      ],
      caps: [
        {
          period: "day",
          type: "conversions",
          value: 100,
          goals: ["Install"],
          affiliates: [500, 600],
        },
      ],
    },
  },
  {
    name: "API docs create answer: schedule, targeting with an id and {} for empty maps, strictly_os {}, hold_type, no payments yet",
    answer: {
      id: 936,
      offer_id: "6943f7307e28fe9a1f8b4570",
      advertiser: ADVERTISER,
      title: "Conformance",
      url: "https://t.test/c?click={clickid}",
      status: "stopped",
      privacy: "public",
      is_top: 0,
      hold_period: 0,
      hold_type: "days",
      payments: [
        {
          countries: ["US"],
          cities: [],
          devices: [],
          os: [],
          goal: "1",
          total: 2,
          revenue: 1,
          currency: "usd",
          title: "",
          type: "fixed",
          country_exclude: true,
        },
      ],
      partner_payments: [],
      landings: [],
      strictly_os: {},
      tags: ["default"],
      schedule: {
        enabled: true,
        date_start: "2022-01-09",
        date_to: "2022-08-01",
        timezone: "Europe/Monaco",
        intervals: [{ day_of_week: 1, from: 2, to: 4 }],
      },
      targeting: [
        {
          country: { allow: ["BR", "US"], deny: [] },
          region: { allow: {}, deny: {} },
          city: { allow: {}, deny: {} },
          os: emptyPair(),
          isp: { allow: {}, deny: {} },
          device_type: [],
          connection: [],
          sub: { allow: {}, deny: {}, deny_groups: [] },
          id: "cc4fe1f5-3425-42ae-9874-a10fe29a2975",
          os_deny: false,
          device_type_deny: false,
          connection_deny: false,
          referrer: { allow: [], deny: [], deny_empty: 0, is_regexp: false },
          name: "My Targeting",
          condition: "and",
          enabled: true,
          block_proxy: false,
        },
      ],
      commission_tiers: [{ affiliate_type: "exact", affiliates: [1], goals: [], countries: [] }],
      consider_personal_targeting_only: false,
    },
    declaration: {
      ...base,
      payments: [
        {
          countries: ["US"],
          countryExclude: true,
          total: 2,
          revenue: 1,
          currency: "USD",
          type: "fixed",
        },
      ],
      tags: ["default"],
      targeting: [{ name: "My Targeting", countries: { allow: ["BR", "US"] } }],
    },
  },
];
