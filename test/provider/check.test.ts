import { checkOffer } from "../../provider/check";
import { UNKNOWN } from "../../provider/unknowns";
import { ADVERTISER, helpCentreOffer } from "../../harness/fixtures";

const valid = {
  title: "Offer",
  advertiser: ADVERTISER,
  url: "https://t.test/",
  payments: [{ total: 2, revenue: 1, currency: "usd", type: "fixed" }],
};

describe("check normalises", () => {
  it("uppercases codes, sorts and de-duplicates lists, and writes defaults out", () => {
    const { inputs, failures } = checkOffer({
      ...valid,
      advertiser: ADVERTISER.toUpperCase(),
      payments: [
        {
          countries: ["us", "RU", "US"],
          devices: ["tablet", "mobile"],
          cities: ["5", 3, 5],
          total: "2.50",
          revenue: 1,
          currency: "eur",
          type: "fixed",
        },
      ],
    });
    expect(failures).toEqual([]);
    expect(inputs).toEqual({
      title: "Offer",
      advertiser: ADVERTISER,
      url: "https://t.test/",
      payments: [
        {
          countries: ["RU", "US"],
          countryExclude: false,
          cities: [3, 5],
          devices: ["mobile", "tablet"],
          os: [],
          goal: "1",
          total: 2.5,
          revenue: 1,
          currency: "EUR",
          type: "fixed",
        },
      ],
      partnerPayments: [],
      deletePolicy: "delete",
      status: "stopped",
      privacy: "public",
      holdPeriod: 0,
      holdType: "days",
      isTop: false,
      isCpi: false,
    });
  });

  it("treats reordered payments as the same offer", () => {
    const a = checkOffer({
      ...valid,
      payments: [valid.payments[0], { ...valid.payments[0], goal: "2" }],
    });
    const b = checkOffer({
      ...valid,
      payments: [{ ...valid.payments[0], goal: 2 }, valid.payments[0]],
    });
    expect(b.inputs).toEqual(a.inputs);
  });

  it("keeps the resource name the Offer hands in, and leaves __provider to the host", () => {
    const { inputs } = checkOffer({
      ...valid,
      resourceName: "my-offer",
      __provider: "exports.handler = ...",
    });
    expect(inputs.resourceName).toBe("my-offer");
    expect(inputs).not.toHaveProperty("__provider");
  });

  it("drops empty sub values so they read like Affise's blanks", () => {
    const { inputs } = checkOffer({
      ...valid,
      payments: [{ ...valid.payments[0], sub1: "", sub2: "x" }],
    });
    expect(inputs.payments[0]).not.toHaveProperty("sub1");
    expect(inputs.payments[0].sub2).toBe("x");
  });
});

describe("check with values not known until apply", () => {
  it("neither rejects nor rewrites an unknown advertiser or payment list", () => {
    const { inputs, failures } = checkOffer({ ...valid, advertiser: UNKNOWN, payments: UNKNOWN });
    expect(failures).toEqual([]);
    expect(inputs.advertiser).toBe(UNKNOWN);
    expect(inputs.payments).toBe(UNKNOWN);
  });

  it("still validates the known parts", () => {
    const { failures } = checkOffer({ ...valid, advertiser: UNKNOWN, url: "not a url" });
    expect(failures.map((f) => f.property)).toEqual(["url"]);
  });
});

describe("payment and cap goals are free text", () => {
  it.each(["fd", "reg", "first_deposit", "Lead 2.0", "sale-approved", "Регистрация", 7])(
    "accepts the goal value %p without asking Affise",
    (goal) => {
      const { failures, inputs } = checkOffer({
        ...valid,
        payments: [{ ...valid.payments[0], goal }],
        caps: [{ period: "day", type: "conversions", value: 10, goals: [String(goal)] }],
      });
      expect(failures).toEqual([]);
      expect(inputs.payments[0].goal).toBe(String(goal));
    },
  );

  it.each(["fd;drop", "a/b", "<b>", "goal\n2", "50%"])(
    "rejects %p, naming the characters a goal value may use",
    (goal) => {
      const { failures } = checkOffer({
        ...valid,
        payments: [{ ...valid.payments[0], goal }],
        caps: [{ period: "day", type: "conversions", value: 10, goals: [goal] }],
      });
      expect(failures.map((f) => f.property)).toEqual(["payments[0].goal", "caps[0].goals[0]"]);
      for (const failure of failures)
        expect(failure.reason).toMatch(/letters, digits, _, spaces, dots and dashes/);
    },
  );
});

describe("check rejects", () => {
  it("the help-centre offer is valid", () => {
    expect(checkOffer(helpCentreOffer as never).failures).toEqual([]);
  });

  it("two identical payments, naming both indices", () => {
    const { failures } = checkOffer({
      ...valid,
      payments: [valid.payments[0], { ...valid.payments[0], currency: "USD" }],
    });
    expect(failures).toEqual([
      { property: "payments[1]", reason: expect.stringContaining("same payment as payments[0]") },
    ]);
  });
});

describe("check and secrets", () => {
  it("never repeats a rejected API key in its message", () => {
    const { failures } = checkOffer({
      ...valid,
      apiUrl: "https://api-x.affise.com",
      apiKey: 12345678901,
    });
    expect(failures).toEqual([
      { property: "apiKey", reason: expect.stringContaining("must be text") },
    ]);
    expect(JSON.stringify(failures)).not.toContain("12345678901");
  });

  it("wants apiUrl and apiKey together", () => {
    expect(checkOffer({ ...valid, apiUrl: "https://api-x.affise.com" }).failures).toEqual([
      {
        property: "apiKey",
        reason: "is required; apiUrl and apiKey go together: give both or neither",
      },
    ]);
  });
});
