import { guardrailSettings } from "../../review/guardrail-config";
import {
  asViolations,
  changeFindings,
  declaredOfferFindings,
  DEFAULT_SETTINGS,
  RULES,
} from "../../review/guardrails";
import type { ReviewPayment } from "../../review/payments";

const payout = (over: Partial<ReviewPayment> = {}): ReviewPayment => ({
  countries: ["US"],
  devices: ["desktop"],
  goal: "1",
  total: 100,
  revenue: 50,
  currency: "USD",
  type: "fixed",
  ...over,
});
const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule);

describe("guardrails on a declared offer", () => {
  it("passes a sound offer", () => {
    expect(declaredOfferFindings({ payments: [payout()] }, DEFAULT_SETTINGS)).toEqual([]);
  });

  it("refuses a fixed payout that pays the affiliate more than the advertiser pays", () => {
    const findings = declaredOfferFindings(
      { payments: [payout()], partnerPayments: [payout({ revenue: 120, partners: [3] })] },
      DEFAULT_SETTINGS,
    );
    expect(findings).toEqual([
      {
        rule: RULES.revenueWithinTotal,
        message:
          "personal payout US · desktop · goal 1 · affiliates 3: pays the affiliate 120 USD, more than the advertiser pays (100 USD)",
      },
    ]);
  });

  it("refuses a percent payout above 100", () => {
    const offer = { payments: [payout({ type: "percent", total: 100, revenue: 150 })] };
    expect(rules(declaredOfferFindings(offer, DEFAULT_SETTINGS))).toEqual([RULES.percentAtMost100]);
  });

  it("flags currencies outside the allowed list and payouts above the ceiling, case-blind", () => {
    const settings = guardrailSettings({
      [RULES.allowedCurrencies]: { currencies: ["usd", "EUR"] },
      [RULES.maxPayout]: { enforcementLevel: "mandatory", perCurrency: { usd: 40 } },
    });
    const offer = {
      payments: [payout({ currency: "usd" }), payout({ countries: ["DE"], currency: "RUB" })],
    };
    expect(rules(declaredOfferFindings(offer, settings))).toEqual([
      RULES.maxPayout,
      RULES.allowedCurrencies,
    ]);
    const violations = asViolations("summer", declaredOfferFindings(offer, settings), settings);
    expect(violations.map((v) => v.level)).toEqual(["mandatory", "advisory"]);
  });
});

describe("guardrails on a change", () => {
  it("flags a 10× change of an existing payout (a typo) but not a 2× one", () => {
    const before = { payments: [payout({ revenue: 5 })] };
    expect(
      rules(changeFindings(before, { payments: [payout({ revenue: 50 })] }, DEFAULT_SETTINGS)),
    ).toEqual([RULES.maxChangeRatio]);
    expect(
      changeFindings(before, { payments: [payout({ revenue: 10 })] }, DEFAULT_SETTINGS),
    ).toEqual([]);
    expect(
      rules(changeFindings(before, { payments: [payout({ revenue: 0.5 })] }, DEFAULT_SETTINGS)),
    ).toEqual([RULES.maxChangeRatio]);
  });

  it("flags deleting an active offer, not a stopped one", () => {
    const active = { status: "active", payments: [payout()] };
    expect(rules(changeFindings(active, undefined, DEFAULT_SETTINGS))).toEqual([
      RULES.deleteActiveOffer,
    ]);
    expect(changeFindings({ ...active, status: "stopped" }, undefined, DEFAULT_SETTINGS)).toEqual(
      [],
    );
  });

  it("drops a disabled rule", () => {
    const settings = guardrailSettings({ [RULES.deleteActiveOffer]: "disabled" });
    const findings = changeFindings({ status: "active" }, undefined, settings);
    expect(asViolations("x", findings, settings)).toEqual([]);
  });
});

describe("guardrail settings", () => {
  it("names an unknown rule and a wrong level", () => {
    expect(() => guardrailSettings({ "affise-max-payuot": "mandatory" })).toThrow(
      /unknown rule "affise-max-payuot"/,
    );
    expect(() => guardrailSettings({ [RULES.maxPayout]: "block" })).toThrow(
      /must be one of advisory, mandatory, disabled \(got "block"\)/,
    );
    expect(() => guardrailSettings({ [RULES.maxChangeRatio]: { ratio: 1 } })).toThrow(/above 1/);
  });
});
