/**
 * Reads guardrail settings from a policy-pack config file (the JSON `pulumi preview
 * --policy-pack-config` takes): per rule either a level ("mandatory") or an object with
 * `enforcementLevel` and the rule's own setting.
 */
import {
  DEFAULT_SETTINGS,
  type EnforcementLevel,
  type GuardrailSettings,
  RULES,
  type RuleName,
} from "./guardrails";

const LEVELS: EnforcementLevel[] = ["advisory", "mandatory", "disabled"];

export function guardrailSettings(config: unknown): GuardrailSettings {
  if (config === undefined) return DEFAULT_SETTINGS;
  if (!isRecord(config)) throw new Error("the policy config must be a JSON object keyed by rule");
  const settings: GuardrailSettings = {
    ...DEFAULT_SETTINGS,
    levels: { ...DEFAULT_SETTINGS.levels },
  };
  const known = Object.values(RULES) as string[];
  for (const [rule, value] of Object.entries(config)) {
    if (rule === "all") continue;
    if (!known.includes(rule)) {
      throw new Error(
        `the policy config names an unknown rule "${rule}"; rules: ${known.join(", ")}`,
      );
    }
    const level = isRecord(value) ? value.enforcementLevel : value;
    if (level !== undefined) settings.levels[rule as RuleName] = parseLevel(rule, level);
    if (!isRecord(value)) continue;
    if (rule === RULES.allowedCurrencies && value.currencies !== undefined) {
      settings.allowedCurrencies = stringList(rule, "currencies", value.currencies).map((c) =>
        c.toUpperCase(),
      );
    }
    if (rule === RULES.maxPayout && value.perCurrency !== undefined) {
      settings.maxPayout = numberMap(rule, value.perCurrency);
    }
    if (rule === RULES.minMargin && value.percent !== undefined) {
      if (typeof value.percent !== "number" || value.percent < 0 || value.percent >= 100) {
        throw new Error(
          `${rule}.percent must be a number from 0 to 99 (got ${JSON.stringify(value.percent)})`,
        );
      }
      settings.minMarginPercent = value.percent;
    }
    if (rule === RULES.maxChangeRatio && value.ratio !== undefined) {
      if (typeof value.ratio !== "number" || !(value.ratio > 1)) {
        throw new Error(
          `${rule}.ratio must be a number above 1 (got ${JSON.stringify(value.ratio)})`,
        );
      }
      settings.maxChangeRatio = value.ratio;
    }
  }
  return settings;
}

function parseLevel(rule: string, level: unknown): EnforcementLevel {
  if (LEVELS.includes(level as EnforcementLevel)) return level as EnforcementLevel;
  throw new Error(
    `${rule}: enforcement level must be one of ${LEVELS.join(", ")} (got ${JSON.stringify(level)})`,
  );
}

function stringList(rule: string, key: string, value: unknown): string[] {
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value;
  throw new Error(`${rule}.${key} must be a list of currency codes`);
}

function numberMap(rule: string, value: unknown): Record<string, number> {
  if (!isRecord(value) || !Object.values(value).every((n) => typeof n === "number" && n >= 0)) {
    throw new Error(`${rule}.perCurrency must map currency codes to amounts, e.g. {"USD": 500}`);
  }
  return Object.fromEntries(
    Object.entries(value as Record<string, number>).map(([code, n]) => [code.toUpperCase(), n]),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
