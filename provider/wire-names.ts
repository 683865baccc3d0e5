/**
 * Affise's messages name its form fields (`start_at`, `payments[0][total]`); a user knows the
 * offer file's names (`startAt`, `payments[0].total`). Affise's message is kept, its field names
 * are translated.
 */

const FIELD_NAMES: Record<string, string> = {
  start_at: "startAt",
  stop_at: "stopDate",
  url_preview: "urlPreview",
  trafficback_url: "trafficbackUrl",
  hold_period: "holdPeriod",
  hold_type: "holdType",
  is_top: "isTop",
  is_cpi: "isCpi",
  external_offer_id: "externalOfferId",
  description_lang: "description",
  partner_payments: "partnerPayments",
  country_exclude: "countryExclude",
  goal_type: "goalType",
  affiliate_type: "affiliateType",
  country_type: "countryType",
  os_deny: "osDeny",
  devices_deny: "devicesDeny",
  connections_deny: "connectionsDeny",
};

/** `payments[0][country_exclude]` → `payments[0].countryExclude`; `start_at` → `startAt`. */
export function inFileTerms(message: string): string {
  return message.replace(
    /\b([a-z][a-z0-9_]*)((?:\[[^\]\s]*\])*)/g,
    (whole, head: string, brackets: string) => {
      const segments = [...brackets.matchAll(/\[([^\]]*)\]/g)].map(([, inner]) => inner);
      if (!(head in FIELD_NAMES) && segments.length === 0) return whole;
      const path = [FIELD_NAMES[head] ?? head];
      for (const segment of segments) {
        if (segment === "") continue;
        path.push(/^\d+$/.test(segment) ? `[${segment}]` : `.${FIELD_NAMES[segment] ?? segment}`);
      }
      return path.join("");
    },
  );
}
