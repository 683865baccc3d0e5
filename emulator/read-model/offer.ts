import type { StoredOffer } from "../model";
import type { CodeCase } from "../types";
import { findCategory } from "../reference/categories";
import { capReadModel, landingReadModel, targetingReadModel, textsByLanguage } from "./details";
import { partnerPaymentReadModel, paymentReadModel } from "./payment";

/**
 * The offer exactly as Affise's GET/create/edit return it — not as it was written. Codes come
 * back lower-case, 0/1 flags as booleans or integers (field by field, as Affise does), and
 * read-only extras appear that a client never sent.
 */
export function offerReadModel(offer: StoredOffer, codeCase: CodeCase): Record<string, unknown> {
  const categories = offer.categories.map((id) => findCategory(id) ?? { id, title: "" });
  return {
    id: offer.id,
    offer_id: offer.offerId,
    advertiser: offer.advertiser,
    external_offer_id: offer.externalOfferId,
    bundle_id: offer.bundleId,
    hide_payments: false,
    title: offer.title,
    macro_url: null,
    url: offer.url,
    cross_postback_url: "",
    url_preview: offer.urlPreview,
    preview_url: offer.urlPreview,
    domain_url: "",
    trafficback_url: offer.trafficbackUrl,
    use_https: true,
    use_http: true,
    description_lang: textsByLanguage(offer.descriptionLang),
    sources: [...(offer.sources ?? [])],
    logo: "/images/cpa/logos/",
    logo_source: "",
    status: offer.status,
    tags: [...offer.tags],
    // UNCERTAIN: the read enum has no "protected"; Affise calls that level "premoderated".
    privacy: offer.privacy === "protected" ? "premoderated" : offer.privacy,
    is_top: offer.isTop ? 1 : 0,
    payments: offer.payments.map((payment) => paymentReadModel(payment, codeCase)),
    partner_payments: offer.partnerPayments.map((payment) =>
      partnerPaymentReadModel(payment, codeCase),
    ),
    landings: offer.landings.map(landingReadModel),
    strictly_country: 0,
    strictly_os: [],
    strictly_brands: [],
    strictly_connection_type: null,
    restriction_isp: null,
    targeting: offer.targeting.map((group) => targetingReadModel(group, codeCase)),
    is_redirect_overcap: false,
    is_impression_overcap: false,
    notice_percent_overcap: null,
    hold_period: offer.holdPeriod,
    hold_type: offer.holdType,
    categories: categories.map((category) => category.title),
    full_categories: categories,
    cr: 0,
    epc: 0,
    notes: offer.notes,
    allowed_ip: "",
    disallowed_ip: "",
    hash_password: null,
    allow_deeplink: 0,
    hide_referer: 0,
    start_at: offer.startAt,
    stop_at: offer.stopAt,
    auto_offer_connect: null,
    required_approval: offer.privacy === "protected",
    is_cpi: offer.isCpi,
    creatives: [],
    creatives_zip: null,
    created_at: offer.createdAt,
    updated_at: offer.updatedAt,
    sub_accounts: { "1": { value: "", except: false }, "2": { value: "", except: false } },
    kpi: textsByLanguage(offer.kpi),
    strictly_isp: [],
    caps: offer.caps.map((cap) => capReadModel(cap, offer, codeCase)),
    caps_status: [],
    caps_timezone: "UTC",
    caps_goal_overcap: null,
    // Commission tiers and the schedule are not written by this emulator; read back empty.
    commission_tiers: [],
    schedule: { enabled: false, date_start: "", date_to: "", timezone: "UTC", intervals: [] },
    redirect_type: offer.redirectType ?? "http302",
    enabled_commission_tiers: false,
    consider_personal_targeting_only: false,
    hosts_only: false,
    allow_impressions: false,
    impressions_url: "",
    smartlink_categories: [],
    click_session: "1y",
    minimal_click_session: "0s",
    sub_restrictions: [],
    uniq_ip_only: false,
    reject_not_uniq_ip: 0,
    countries: offerCountries(offer, codeCase),
    duplicate_clicks_threshold: 0,
    sign_clicks_integration: "no_sign",
    note_aff: "",
    note_sales: "",
    hide_caps: 0,
    disabled_by: null,
  };
}

/** The union of the payments' countries, in the tenant's case, as Affise lists an offer's geography. */
function offerCountries(offer: StoredOffer, codeCase: CodeCase): string[] {
  const codes = new Set<string>();
  for (const payment of [...offer.payments, ...offer.partnerPayments]) {
    for (const code of payment.countries)
      codes.add(codeCase === "lower" ? code.toLowerCase() : code);
  }
  return [...codes].sort();
}
