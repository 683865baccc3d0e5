/**
 * The offers' guardrails as a Pulumi policy pack: `pulumi preview --policy-pack policy` stops a
 * preview (and `up`) on a mandatory violation. The rules are the review comment's own
 * (review/guardrails.ts); levels and settings come from `--policy-pack-config`, in the same file
 * the review reads. Only rules that the declared offer alone decides are here: a policy pack is
 * never shown the previous state, so change-ratio and delete rules live in the review.
 */
import { PolicyPack, type ResourceValidationPolicy } from "@pulumi/policy";
import {
  DEFAULT_SETTINGS,
  declaredOfferFindings,
  type GuardrailSettings,
  type OfferPayouts,
  RULES,
  type RuleName,
} from "../review/guardrails";
import { isOfferType } from "../review/offer-changes";

interface RuleConfig {
  percent?: number;
  currencies?: string[];
  perCurrency?: Record<string, number>;
}

const DESCRIPTIONS: Partial<Record<RuleName, string>> = {
  [RULES.minMargin]:
    "A payout keeps at least the configured share of what the advertiser pays (default 0 %).",
  [RULES.allowedCurrencies]: "Payouts only in the currencies this team pays in.",
  [RULES.maxPayout]: "A fixed payout is at most the ceiling set for its currency.",
};

const CONFIG_SCHEMAS: Partial<Record<RuleName, ResourceValidationPolicy["configSchema"]>> = {
  [RULES.minMargin]: {
    properties: { percent: { type: "number", minimum: 0, maximum: 99 } },
  },
  [RULES.allowedCurrencies]: {
    properties: { currencies: { type: "array", items: { type: "string" } } },
  },
  [RULES.maxPayout]: {
    properties: { perCurrency: { type: "object", additionalProperties: { type: "number" } } },
  },
};

function policyFor(rule: RuleName): ResourceValidationPolicy {
  return {
    name: rule,
    description: DESCRIPTIONS[rule] ?? rule,
    enforcementLevel: DEFAULT_SETTINGS.levels[rule] === "mandatory" ? "mandatory" : "advisory",
    configSchema: CONFIG_SCHEMAS[rule],
    validateResource: (args, reportViolation) => {
      if (!isOfferType(args.type)) return;
      const settings = settingsFrom(args.getConfig<RuleConfig>());
      for (const finding of declaredOfferFindings(args.props as OfferPayouts, settings)) {
        if (finding.rule === rule) reportViolation(`${args.name}: ${finding.message}`);
      }
    },
  };
}

function settingsFrom(config: RuleConfig): GuardrailSettings {
  return {
    ...DEFAULT_SETTINGS,
    minMarginPercent: config.percent ?? DEFAULT_SETTINGS.minMarginPercent,
    allowedCurrencies: (config.currencies ?? []).map((code) => code.toUpperCase()),
    maxPayout: Object.fromEntries(
      Object.entries(config.perCurrency ?? {}).map(([code, n]) => [code.toUpperCase(), n]),
    ),
  };
}

new PolicyPack("affise-guardrails", {
  policies: [RULES.minMargin, RULES.allowedCurrencies, RULES.maxPayout].map(policyFor),
});
