/**
 * Bad input never reaches Affise: each case is rejected by `check` (through Pulumi's provider host),
 * with the property path a user wrote and what is allowed, and the emulator sees no request at all.
 */
import { declareOffers } from "../../harness/declare-offers";
import { ADVERTISER } from "../../harness/fixtures";
import { type Stack, startStack } from "../../harness/stack";

const payment = { total: 10, revenue: 5, currency: "USD", type: "fixed" };
const valid = {
  title: "Offer",
  advertiser: ADVERTISER,
  url: "https://t.test/c?id={clickid}",
  payments: [payment],
};
const partner = { ...payment, partners: [12] };

type Case = [label: string, offer: Record<string, unknown>, property: string, reason: RegExp];
const withPayment = (p: Record<string, unknown>) => ({
  ...valid,
  payments: [{ ...payment, ...p }],
});
const withPartner = (p: Record<string, unknown>) => ({
  ...valid,
  partnerPayments: [{ ...partner, ...p }],
});
const without = (key: string) =>
  Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key));

const CASES: Case[] = [
  ["missing title", without("title"), "title", /is required/],
  ["blank title", { ...valid, title: "   " }, "title", /must not be empty/],
  ["title as a number", { ...valid, title: 42 }, "title", /must be text/],
  ["missing advertiser", without("advertiser"), "advertiser", /is required/],
  [
    "advertiser too short",
    { ...valid, advertiser: "5e39279bac611cda7e5765" },
    "advertiser",
    /24 hexadecimal/,
  ],
  [
    "advertiser not hex",
    { ...valid, advertiser: "zz39279bac611cda7e5765ab" },
    "advertiser",
    /24 hexadecimal/,
  ],
  ["advertiser as a number", { ...valid, advertiser: 123 }, "advertiser", /advertiser id/],
  ["missing url", without("url"), "url", /is required/],
  ["ftp url", { ...valid, url: "ftp://t.test/" }, "url", /http:\/\/ or https:\/\//],
  ["url without scheme", { ...valid, url: "t.test/click" }, "url", /http:\/\/ or https:\/\//],
  ["missing payments", without("payments"), "payments", /is required/],
  ["no payments", { ...valid, payments: [] }, "payments", /at least one payment/],
  ["payments not a list", { ...valid, payments: payment }, "payments", /list of payments/],
  [
    "payment missing currency",
    withPayment({ currency: undefined }),
    "payments[0].currency",
    /is required/,
  ],
  ["payment missing type", withPayment({ type: undefined }), "payments[0].type", /is required/],
  ["payment missing total", withPayment({ total: undefined }), "payments[0].total", /is required/],
  [
    "payment missing revenue",
    withPayment({ revenue: undefined }),
    "payments[0].revenue",
    /is required/,
  ],
  [
    "unknown payment type",
    withPayment({ type: "fixd" }),
    "payments[0].type",
    /one of: fixed, percent/,
  ],
  ["payment type in capitals", withPayment({ type: "FIXED" }), "payments[0].type", /one of: fixed/],
  [
    "currency with four letters",
    withPayment({ currency: "USDT" }),
    "payments[0].currency",
    /three-letter/,
  ],
  [
    "currency as a name",
    withPayment({ currency: "US Dollar" }),
    "payments[0].currency",
    /three-letter/,
  ],
  [
    "currency with digits",
    withPayment({ currency: "US1" }),
    "payments[0].currency",
    /three-letter/,
  ],
  ["negative total", withPayment({ total: -1 }), "payments[0].total", /0 or more/],
  ["negative revenue", withPayment({ revenue: -0.01 }), "payments[0].revenue", /0 or more/],
  ["non-numeric total", withPayment({ total: "ten" }), "payments[0].total", /number 0 or more/],
  ["total as a boolean", withPayment({ total: true }), "payments[0].total", /number 0 or more/],
  [
    "amount with a comma",
    withPayment({ revenue: "5,50" }),
    "payments[0].revenue",
    /number 0 or more/,
  ],
  [
    "percent over 100",
    withPayment({ type: "percent", revenue: 150 }),
    "payments[0].revenue",
    /100 or less/,
  ],
  [
    "country code not ISO",
    withPayment({ countries: ["XX"] }),
    "payments[0].countries[0]",
    /ISO 3166-1/,
  ],
  [
    "UK instead of GB",
    withPayment({ countries: ["UK"] }),
    "payments[0].countries[0]",
    /did you mean GB/,
  ],
  [
    "three-letter country",
    withPayment({ countries: ["USA"] }),
    "payments[0].countries[0]",
    /two-letter/,
  ],
  [
    "countries not a list",
    withPayment({ countries: "US" }),
    "payments[0].countries",
    /list of country codes/,
  ],
  [
    "countryExclude as 1",
    withPayment({ countryExclude: 1 }),
    "payments[0].countryExclude",
    /true or false/,
  ],
  [
    "unknown device",
    withPayment({ devices: ["phone"] }),
    "payments[0].devices[0]",
    /one of: mediahub, mobile/,
  ],
  ["city id as text", withPayment({ cities: ["Berlin"] }), "payments[0].cities[0]", /whole number/],
  ["city id zero", withPayment({ cities: [0] }), "payments[0].cities[0]", /1 or more/],
  ["empty OS name", withPayment({ os: [""] }), "payments[0].os[0]", /must not be empty/],
  ["goal as an object", withPayment({ goal: { id: 1 } }), "payments[0].goal", /goal value/],
  ["sub1 as a list", withPayment({ sub1: ["a", "b"] }), "payments[0].sub1", /must be text/],
  [
    "misspelt payment field",
    withPayment({ totl: 10 }),
    "payments[0].totl",
    /unknown field \(did you mean total\?\)/,
  ],
  [
    "snake_case field",
    withPayment({ country_exclude: true }),
    "payments[0].country_exclude",
    /did you mean countryExclude/,
  ],
  [
    "partners on a general payment",
    withPayment({ partners: [1] }),
    "payments[0].partners",
    /belongs under partnerPayments/,
  ],
  [
    "personal payment without partners",
    withPartner({ partners: undefined }),
    "partnerPayments[0].partners",
    /is required/,
  ],
  [
    "personal payment with no partners",
    withPartner({ partners: [] }),
    "partnerPayments[0].partners",
    /at least one affiliate/,
  ],
  [
    "partner id as text",
    withPartner({ partners: ["acme"] }),
    "partnerPayments[0].partners[0]",
    /whole number/,
  ],
  [
    "partner id negative",
    withPartner({ partners: [-3] }),
    "partnerPayments[0].partners[0]",
    /1 or more/,
  ],
  [
    "duplicate payment",
    { ...valid, payments: [payment, { ...payment, currency: "usd" }] },
    "payments[1]",
    /same payment as payments\[0\]/,
  ],
  [
    "unknown top-level field",
    { ...valid, status: "active", colour: "red" },
    "colour",
    /unknown field/,
  ],
  [
    "snake_case top-level field",
    { ...valid, partner_payments: [] },
    "partner_payments",
    /did you mean partnerPayments/,
  ],
  [
    "deletePolicy misspelt",
    { ...valid, deletePolicy: "remove" },
    "deletePolicy",
    /one of: delete, stop/,
  ],
  ["adoptId as text", { ...valid, adoptId: "offer-12" }, "adoptId", /whole number/],
  ["adoptId zero", { ...valid, adoptId: 0 }, "adoptId", /1 or more/],
  [
    "blank externalOfferId",
    { ...valid, externalOfferId: "" },
    "externalOfferId",
    /must not be empty/,
  ],
  [
    "externalOfferId too long",
    { ...valid, externalOfferId: "x".repeat(256) },
    "externalOfferId",
    /at most 255/,
  ],
];

const deep = (levels: number): unknown => {
  let value: unknown = "x";
  for (let i = 0; i < levels; i++) value = { en: value };
  return value;
};
const twinConditions = { countries: ["DE"], goal: "2" };

/** Inputs that looked valid to a URL parser or to JavaScript's numbers, and slips in the money. */
const HARDENING_CASES: Case[] = [
  [
    "url with CR/LF",
    { ...valid, url: "https://t.test/c\r\nSet-Cookie: a=b" },
    "url",
    /line breaks/,
  ],
  ["url with a TAB", { ...valid, url: "https://t.test/\tc" }, "url", /tabs/],
  ["url with a NUL", { ...valid, url: "https://t.test/c\u0000" }, "url", /control characters/],
  ["url with a space", { ...valid, url: "https://t.test/c d" }, "url", /spaces/],
  ["url http:host", { ...valid, url: "http:t.test/c" }, "url", /http:\/\/ or https:\/\//],
  ["url with a backslash", { ...valid, url: "https://t.test\\c" }, "url", /backslash/],
  ["url https:///host", { ...valid, url: "https:///t.test/c" }, "url", /must name a host/],
  [
    "trafficbackUrl with a line break",
    { ...valid, trafficbackUrl: "https://t.test/\nx" },
    "trafficbackUrl",
    /line breaks/,
  ],
  [
    "landing url with a space",
    {
      ...valid,
      landings: [{ title: "L", url: "https://t.test/a b", urlPreview: "https://t.test/" }],
    },
    "landings[0].url",
    /spaces/,
  ],
  ["amount 1e21", withPayment({ total: 1e21 }), "payments[0].total", /less than 1000000000000/],
  ["amount 1e-9", withPayment({ revenue: 1e-9 }), "payments[0].revenue", /at most 8 decimal/],
  [
    "a 400-digit amount",
    withPayment({ total: "9".repeat(400) }),
    "payments[0].total",
    /less than 1000000000000/,
  ],
  ["amount NaN", withPayment({ total: NaN }), "payments[0].total", /\(got NaN\)/],
  ["amount .inf", withPayment({ total: Infinity }), "payments[0].total", /\(got Infinity\)/],
  ["startAt 2020-13-45", { ...valid, startAt: "2020-13-45" }, "startAt", /no month 13/],
  ["stopDate 2030-02-30", { ...valid, stopDate: "2030-02-30" }, "stopDate", /2030-02 has 28 days/],
  ["startAt 25:00", { ...valid, startAt: "2030-01-01 25:00:00" }, "startAt", /no such time/],
  ["startAt in the past", { ...valid, startAt: "2020-01-01" }, "startAt", /today or later/],
  [
    "stopDate before startAt",
    { ...valid, startAt: "2031-05-01", stopDate: "2031-04-30" },
    "stopDate",
    /not be before startAt/,
  ],
  [
    "revenue above total on a fixed payment",
    withPayment({ total: 5, revenue: 7 }),
    "payments[0].revenue",
    /must not exceed total \(5 USD\)/,
  ],
  [
    "same conditions, different amounts",
    {
      ...valid,
      payments: [
        { ...payment, ...twinConditions },
        { ...payment, ...twinConditions, total: 12 },
      ],
    },
    "payments[1]",
    /same conditions as payments\[0\] but pays differently/,
  ],
  [
    "twins differing only by title",
    {
      ...valid,
      payments: [
        { ...payment, title: "A" },
        { ...payment, title: "B" },
      ],
    },
    "payments[1]",
    /same payment as payments\[0\] under another title/,
  ],
  [
    "unknown field in a cap",
    { ...valid, caps: [{ period: "day", type: "clicks", value: 5, limit: 3 }] },
    "caps[0].limit",
    /unknown field; allowed fields: period, type, value/,
  ],
  [
    "unknown field in targeting",
    { ...valid, targeting: [{ countries: { allow: ["US"], block: ["RU"] } }] },
    "targeting[0].countries.block",
    /unknown field; allowed fields: allow, deny/,
  ],
  [
    "country with a leading space",
    withPayment({ countries: [" US"] }),
    "payments[0].countries[0]",
    /two-letter/,
  ],
  ["a null payment", { ...valid, payments: [null] }, "payments[0]", /^must be a payment: /],
  [
    "an unquoted 24-digit advertiser",
    { ...valid, advertiser: Number("123456789012345678901234") },
    "advertiser",
    /write it in quotes/,
  ],
  [
    "a partner id beyond 2^53",
    withPartner({ partners: [Number("12345678901234567890")] }),
    "partnerPayments[0].partners[0]",
    /whole number/,
  ],
  [
    "nesting 100 deep",
    { ...valid, description: deep(100) },
    `description${".en".repeat(32)}`,
    /nests deeper than 32/,
  ],
  [
    "apiUrl with a password",
    { ...valid, apiUrl: "https://me:pa55word-9@api.test", apiKey: "offer-key-93c2e1" },
    "apiUrl",
    /user name or password/,
  ],
  [
    "apiUrl and apiKey swapped",
    { ...valid, apiUrl: "offer-key-93c2e1", apiKey: "https://api.test" },
    "apiUrl",
    /must be an http:\/\/ or https:\/\/ URL/,
  ],
  [
    "an apiKey of 3 characters",
    { ...valid, apiUrl: "https://api.test", apiKey: "k3y" },
    "apiKey",
    /at least 8 characters/,
  ],
];

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

it(`has a corpus of at least 80 bad offers (${CASES.length + HARDENING_CASES.length})`, () => {
  expect(CASES.length + HARDENING_CASES.length).toBeGreaterThanOrEqual(80);
});

describe("check rejects, naming the property and what is allowed", () => {
  it.each([...CASES, ...HARDENING_CASES])("%s", async (_label, offer, property, reason) => {
    const declared = await declareOffers([{ name: "bad", args: offer as never }]);
    stack.emulator.clearRequests();
    const [preview] = await stack.engine.preview(declared);
    const [up] = await stack.engine.up(declared);
    for (const step of [preview, up]) {
      expect(step.kind).toBe("failed");
      // One failure per property, with its reason.
      const failures = step.failures!.filter((f) => f.property === property);
      expect(failures).toHaveLength(1);
      expect(failures[0].reason).toMatch(reason);
      // A value that is (or may be) a key is never repeated.
      for (const secret of ["pa55word-9", "offer-key-93c2e1", "k3y"]) {
        expect(step.error).not.toContain(secret);
      }
    }
    expect(stack.engine.state.has("bad")).toBe(false);
    expect(stack.emulator.requests()).toEqual([]);
  });
});
