import type { StoredCap, StoredLanding, StoredOffer, StoredTargetingGroup } from "../model";
import { GOALS } from "../reference/catalog";
import type { CodeCase } from "../types";

/** Targeting and cap countries read back upper-case on a lower-case tenant, as sent otherwise. */
const groupCode = (codeCase: CodeCase) => (code: string) =>
  codeCase === "lower" ? code.toUpperCase() : code;

// The tenant's interface languages: Affise returns every one of them, "" where nothing is set.
const TENANT_LANGUAGES = ["ru", "en", "es", "ka", "vi"];

export function textsByLanguage(texts: Record<string, string>): Record<string, string> {
  const all: Record<string, string> = {};
  for (const language of TENANT_LANGUAGES) all[language] = texts[language] ?? "";
  return { ...all, ...texts };
}

export function landingReadModel(landing: StoredLanding): Record<string, unknown> {
  return {
    id: landing.id,
    title: landing.title,
    url: landing.url,
    url_preview: landing.urlPreview,
    type: landing.type,
  };
}

/** Caps read their goals back as a map of goal value to title ({} shape as `[]` when empty). */
export function capReadModel(
  cap: StoredCap,
  offer: StoredOffer,
  codeCase: CodeCase,
): Record<string, unknown> {
  const goals: Record<string, string> = {};
  for (const goal of cap.goals) goals[goal] = goalTitle(goal, offer);
  return {
    period: cap.period,
    type: cap.type,
    value: cap.value,
    goal_type: cap.goalType,
    goals: cap.goals.length === 0 ? [] : goals,
    affiliate_type: cap.affiliateType,
    affiliates: [...cap.affiliates],
    country_type: cap.countryType,
    country: cap.countries.map(groupCode(codeCase)),
  };
}

export function targetingReadModel(
  group: StoredTargetingGroup,
  codeCase: CodeCase,
): Record<string, unknown> {
  const code = groupCode(codeCase);
  const emptyPair = () => ({ allow: [], deny: [] });
  const emptyMapPair = () => ({ allow: {}, deny: {} });
  return {
    id: group.id,
    name: group.name,
    condition: group.condition,
    enabled: group.enabled,
    country: { allow: group.countryAllow.map(code), deny: group.countryDeny.map(code) },
    region: emptyMapPair(),
    city: emptyMapPair(),
    os: { allow: group.os.map((rule) => ({ ...rule })), deny: [] },
    os_deny: group.osDeny,
    isp: emptyMapPair(),
    ip: emptyPair(),
    browser: emptyPair(),
    brand: emptyPair(),
    device_type: [...group.deviceTypes],
    device_type_deny: group.deviceTypeDeny,
    connection: [...group.connections],
    connection_deny: group.connectionDeny,
    affiliate_id: [],
    sub: { allow: {}, deny: {}, deny_groups: [] },
    zip: [],
    macros_replacement: [],
    macros_replacement_enabled: [],
    browser_version: [],
    device_model: [],
    isp_organization: [],
    referrer: { allow: [], deny: [], deny_empty: 0, is_regexp: false },
    ua: [],
    block_proxy: false,
    block_known_bots: false,
  };
}

function goalTitle(goal: string, offer: StoredOffer): string {
  const payment = [...offer.payments, ...offer.partnerPayments].find(
    (candidate) => candidate.goal === goal && candidate.title !== "",
  );
  if (payment) return payment.title;
  return GOALS.find((known) => String(known.id) === goal)?.title ?? goal;
}
