/**
 * The tolerant reader: shapes real Affise tenants send (PHP lists with gaps, "" for empty, lists
 * for sub values, {allow, deny} device types, null titles) read as what they mean; a field the
 * provider does not manage never fails a read; anything else fails in one sentence.
 */
import { NotAdminKeyError, parseAffiseOffer } from "../../provider/affise/offer";
import { stateFromAffise } from "../../provider/read-model";
import { ReadShapeError } from "../../provider/affise/read-values";
import type { CheckedOffer } from "../../provider/types";

const ADVERTISER = "5bc9d7c16d73e41c008b4567";
const payment = (over: object = {}) => ({
  countries: ["no"],
  cities: [],
  devices: [],
  os: [],
  goal: "1",
  revenue: 17.5,
  total: 20,
  currency: "usd",
  title: "",
  type: "fixed",
  country_exclude: false,
  ...over,
});
const answer = (over: object = {}) => ({
  id: 12,
  offer_id: "5f05f2f5134ed05c008b4569",
  advertiser: ADVERTISER,
  title: "Shapes",
  url: "https://t.test/",
  status: "active",
  payments: [payment()],
  ...over,
});
const read = (data: object, managed: Partial<CheckedOffer> = {}) =>
  stateFromAffise(parseAffiseOffer(data), { deletePolicy: "delete", ...managed });

describe("shapes whose meaning is clear are normalised", () => {
  it("reads sub1..sub8 sent as lists or null as comma-separated text", () => {
    const state = read(answer({ payments: [payment({ sub1: ["a", "b"], sub2: null, sub3: [] })] }));
    expect(state.payments[0]).toMatchObject({ sub1: "a,b" });
    expect(state.payments[0]).not.toHaveProperty("sub2");
    expect(state.payments[0]).not.toHaveProperty("sub3");
  });

  it("reads a list with gaps sent as an index-keyed object as a list", () => {
    const state = read(
      answer({
        payments: {
          "0": payment({ countries: { "0": "no", "2": "se" } }),
          "2": payment({ goal: "fd" }),
        },
      }),
    );
    expect(state.payments.map((p) => [p.goal, p.countries])).toEqual([
      ["1", ["NO", "SE"]],
      ["fd", ["NO"]],
    ]);
  });

  it('reads "" and null lists as empty, and a title of null as empty text', () => {
    const state = read(
      answer({ title: null, payments: [payment({ countries: "", os: null, devices: {} })] }),
    );
    expect(state.title).toBe("");
    expect(state.payments[0]).toMatchObject({ countries: [], os: [], devices: [] });
  });

  it('reads a cap country of "" as none and of one code as that code', () => {
    const cap = (country: unknown) => ({
      period: "day",
      type: "conversions",
      value: 100,
      goal_type: "all",
      goals: {},
      country_type: "all",
      country,
    });
    const state = read(answer({ caps: [cap(""), { ...cap("ru"), country_type: "exact" }] }), {
      caps: [],
    });
    expect(state.caps?.map((c) => c.countries)).toEqual(expect.arrayContaining([[], ["RU"]]));
    expect(state.caps).toHaveLength(2);
  });

  it("reads cap goals as a value → title map, an empty object or a list", () => {
    const cap = (goals: unknown) => ({ period: "day", type: "conversions", value: 1, goals });
    const state = read(
      answer({ caps: [cap({ "1": "Install", fd: "First deposit" }), cap({}), cap(["reg"])] }),
      { caps: [] },
    );
    expect(state.caps?.map((c) => c.goals).sort()).toEqual([[], ["1", "fd"], ["reg"]]);
  });

  it("reads targeting device_type sent as {allow, deny} as the list and its deny switch", () => {
    const group = (deviceType: unknown) => ({
      id: "00000000-0000-0000-0000-000000000000",
      country: { allow: ["US"], deny: [] },
      region: { allow: {}, deny: {} },
      os: { allow: [], deny: [] },
      device_type: deviceType,
      connection: [],
    });
    const state = read(
      answer({
        targeting: [
          group({ allow: ["mobile"], deny: [] }),
          { ...group({ allow: [], deny: ["tv"] }), name: "no tv" },
          { ...group({ allow: [], deny: [] }), name: "any" },
        ],
      }),
      { targeting: [] },
    );
    const byName = Object.fromEntries(
      (state.targeting ?? []).map((g) => [g.name, [g.devices, g.devicesDeny]]),
    );
    expect(byName).toEqual({ "": [["mobile"], false], any: [[], false], "no tv": [["tv"], true] });
  });
});

describe("fields the provider does not manage never fail a read", () => {
  it("ignores odd shapes in unmanaged fields and in optional fields not declared", () => {
    const state = read(
      answer({
        sources: 5,
        sub_accounts: "weird",
        goals: { fd: "fd" },
        caps: "not a list",
        landings: { title: "x" },
        targeting: 7,
        description_lang: ["x"],
        payments: [payment({ with_regions: "?", url: { a: 1 }, custom_field1: ["x"] })],
      }),
    );
    expect(state.payments).toHaveLength(1);
    expect(state).not.toHaveProperty("caps");
    expect(state).not.toHaveProperty("landings");
  });
});

describe("a managed field in a shape with no clear meaning", () => {
  const failure = (data: object, managed: Partial<CheckedOffer> = {}) => {
    try {
      read(data, managed);
    } catch (error) {
      return error as Error;
    }
    throw new Error("expected the read to fail");
  };

  it.each([
    [
      answer({ payments: [payment({ total: { amount: 20 } })] }),
      {},
      "payments[0].total",
      "an object",
    ],
    [answer({ payments: [payment({ currency: ["usd"] })] }), {}, "payments[0].currency", "a list"],
    [
      answer({ landings: [{ title: "L", url: { href: "x" } }] }),
      { landings: [] },
      "landings[0].url",
      "an object",
    ],
    [
      answer({ targeting: [{ device_type: { allow: ["tv"], deny: ["mobile"] } }] }),
      { targeting: [] },
      "targeting[0].device_type",
      "both allow and deny lists",
    ],
    [answer({ tags: { a: "x" } }), { tags: [] }, "tags", "an object"],
  ])("fails in one sentence naming the field and the shape (%#)", (data, managed, field, seen) => {
    const error = failure(data, managed);
    expect(error).toBeInstanceOf(ReadShapeError);
    expect(error.message).toContain(`Affise sent ${field} as ${seen}`);
    expect(error.message).not.toMatch(/\n|\{|"code"|zod|invalid_type/);
  });
});

describe("a key that is not an admin key", () => {
  it("is recognised from the affiliate view: no advertiser, no payment total", () => {
    const { advertiser: _a, ...partnerView } = answer({
      payments: [{ ...payment(), total: undefined }],
    });
    expect(() => parseAffiseOffer(JSON.parse(JSON.stringify(partnerView)))).toThrow(
      NotAdminKeyError,
    );
    expect(() => parseAffiseOffer(JSON.parse(JSON.stringify(partnerView)))).toThrow(
      /this key is not an admin key/,
    );
  });

  it("is not suspected when the admin view has an offer without payments", () => {
    expect(parseAffiseOffer(answer({ payments: [] })).id).toBe("12");
  });
});
