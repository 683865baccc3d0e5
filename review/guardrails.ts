/**
 * Guardrails on payouts, shared by the policy pack (which stops `pulumi preview`/`up` on a
 * mandatory violation) and the review comment (which shows every violation on top). Their
 * settings use the policy pack's own config format (`--policy-pack-config`), so one file
 * configures both. What can never be right (revenue above total on a fixed payout, a percent above
 * 100) is refused by `check` itself; guardrails are the team's own limits. Rules that need the offer's previous values (change ratio, deleting an active
 * offer) exist only in the review: a policy pack is never shown the old state.
 */
import { comparePayments, conditionsLabel, type ReviewPayment } from "./payments";

export type EnforcementLevel = "advisory" | "mandatory" | "disabled";

export const RULES = {
  minMargin: "affise-min-margin",
  allowedCurrencies: "affise-allowed-currencies",
  maxPayout: "affise-max-payout",
  maxChangeRatio: "affise-max-change-ratio",
  deleteActiveOffer: "affise-delete-active-offer",
} as const;
export type RuleName = (typeof RULES)[keyof typeof RULES];

export interface GuardrailSettings {
  levels: Record<RuleName, EnforcementLevel>;
  /** The least share of the advertiser's payout the network keeps, in percent of `total`. */
  minMarginPercent: number;
  /** Upper-case codes; empty means any currency. */
  allowedCurrencies: string[];
  /** Highest affiliate payout (revenue) per currency; a currency not listed has no ceiling. */
  maxPayout: Record<string, number>;
  /** An existing payout may grow or shrink by at most this factor in one change. */
  maxChangeRatio: number;
}

export const DEFAULT_SETTINGS: GuardrailSettings = {
  levels: {
    [RULES.minMargin]: "mandatory",
    [RULES.allowedCurrencies]: "advisory",
    [RULES.maxPayout]: "advisory",
    [RULES.maxChangeRatio]: "advisory",
    [RULES.deleteActiveOffer]: "advisory",
  },
  minMarginPercent: 0,
  allowedCurrencies: [],
  maxPayout: {},
  maxChangeRatio: 5,
};

export interface Violation {
  rule: RuleName;
  level: Exclude<EnforcementLevel, "disabled">;
  /** The offer's resource name. */
  offer: string;
  message: string;
}

export interface OfferPayouts {
  payments?: ReviewPayment[];
  partnerPayments?: ReviewPayment[];
  status?: string;
}

type Finding = { rule: RuleName; message: string };

/** Violations the declared offer alone shows: what the policy pack checks too. */
export function declaredOfferFindings(offer: OfferPayouts, settings: GuardrailSettings): Finding[] {
  return payoutsOf(offer).flatMap(({ list, payment }) => {
    const where = `${list} ${conditionsLabel(payment)}`;
    const findings: Finding[] = [];
    const { total, revenue, type } = payment;
    const currency = (payment.currency ?? "").toUpperCase();
    // check already refuses revenue above total; this is the team's own, stricter floor.
    if (isNumber(total) && isNumber(revenue) && total > 0) {
      const kept = round(((total - revenue) / total) * 100);
      if (kept < settings.minMarginPercent) {
        findings.push({
          rule: RULES.minMargin,
          message: `${where}: keeps ${kept} % of what the advertiser pays (affiliate ${revenue}, advertiser ${total}${type === "percent" ? " %" : ` ${currency}`}); the floor is ${settings.minMarginPercent} %`,
        });
      }
    }
    const allowed = settings.allowedCurrencies;
    if (allowed.length > 0 && currency && !allowed.includes(currency)) {
      findings.push({
        rule: RULES.allowedCurrencies,
        message: `${where}: currency ${currency} is not one this team pays in (${allowed.join(", ")})`,
      });
    }
    const ceiling = settings.maxPayout[currency];
    if (type === "fixed" && ceiling !== undefined && isNumber(revenue) && revenue > ceiling) {
      findings.push({
        rule: RULES.maxPayout,
        message: `${where}: pays ${revenue} ${currency}, above the ceiling of ${ceiling} ${currency}`,
      });
    }
    return findings;
  });
}

/** Violations that need the offer's previous values: the review alone checks these. */
export function changeFindings(
  before: OfferPayouts | undefined,
  after: OfferPayouts | undefined,
  settings: GuardrailSettings,
): Finding[] {
  const findings: Finding[] = [];
  if (before && !after && before.status === "active") {
    findings.push({ rule: RULES.deleteActiveOffer, message: "deletes an offer that is active" });
  }
  if (!before || !after) return findings;
  const ratio = settings.maxChangeRatio;
  for (const list of ["payments", "partnerPayments"] as const) {
    for (const change of comparePayments(before[list], after[list])) {
      const [old, now] = [change.before, change.after];
      if (change.kind !== "changed" || change.previousLabel || !old || !now) continue;
      if (old.currency !== now.currency || !isNumber(old.revenue) || !isNumber(now.revenue))
        continue;
      if (old.revenue <= 0 || now.revenue <= 0) continue;
      const factor = Math.max(now.revenue / old.revenue, old.revenue / now.revenue);
      if (factor > ratio) {
        findings.push({
          rule: RULES.maxChangeRatio,
          message: `${listLabel(list)} ${change.label}: payout ${old.revenue} → ${now.revenue} ${now.currency}, a ${round(factor)}× change (limit ${ratio}×)`,
        });
      }
    }
  }
  return findings;
}

/** Attaches each rule's configured level; disabled rules drop out. */
export function asViolations(
  offer: string,
  findings: Finding[],
  settings: GuardrailSettings,
): Violation[] {
  return findings.flatMap(({ rule, message }) => {
    const level = settings.levels[rule];
    return level === "disabled" ? [] : [{ rule, level, offer, message }];
  });
}

function payoutsOf(offer: OfferPayouts) {
  return [
    ...(offer.payments ?? []).map((payment) => ({ list: listLabel("payments"), payment })),
    ...(offer.partnerPayments ?? []).map((payment) => ({
      list: listLabel("partnerPayments"),
      payment,
    })),
  ];
}

function listLabel(list: "payments" | "partnerPayments"): string {
  return list === "payments" ? "payout" : "personal payout";
}

function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
