import { guardrailSettings } from "../../review/guardrail-config";
import {
  asViolations,
  changeFindings,
  declaredOfferFindings,
  DEFAULT_SETTINGS,
  RULES,
} from "../../review/guardrails";
import { payout } from "./payouts";

const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule);

describe("guardrails on a declared offer", () => {
  it("passes a sound offer", () => {
    expect(declaredOfferFindings({ payments: [payout()] }, DEFAULT_SETTINGS)).toEqual([]);
  });

  it("flags a payout that pays the affiliate more than the advertiser pays, even at a 0 % floor", () => {
    const findings = declaredOfferFindings(
      { payments: [payout()], partnerPayments: [payout({ revenue: 120, partners: [3] })] },
      DEFAULT_SETTINGS,
    );
    expect(findings).toEqual([
      {
        rule: RULES.minMargin,
        message:
          "personal payout US · desktop · goal 1 · affiliates 3: keeps -20 % of what the advertiser pays (affiliate 120, advertiser 100 USD); the floor is 0 %",
      },
    ]);
  });

  it("holds fixed and percent payouts to the team's margin floor", () => {
    const settings = guardrailSettings({ [RULES.minMargin]: { percent: 10 } });
    const thin = {
      payments: [payout({ revenue: 95 }), payout({ type: "percent", total: 80, revenue: 75 })],
    };
    expect(rules(declaredOfferFindings(thin, settings))).toEqual([
      RULES.minMargin,
      RULES.minMargin,
    ]);
    const sound = {
      payments: [payout({ revenue: 90 }), payout({ type: "percent", total: 80, revenue: 70 })],
    };
    expect(declaredOfferFindings(sound, settings)).toEqual([]);
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
    expect(() => guardrailSettings({ [RULES.minMargin]: { percent: 100 } })).toThrow(/0 to 99/);
  });
});
