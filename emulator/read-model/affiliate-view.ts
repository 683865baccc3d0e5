/**
 * The offer as an affiliate's key reads it (Affise's partner view): no advertiser, no status or
 * privacy, no personal payments, no payment `total` (the advertiser's price) nor payment ids.
 */
const ADMIN_ONLY = [
  "advertiser",
  "external_offer_id",
  "status",
  "privacy",
  "partner_payments",
  "notes",
  "url",
  "trafficback_url",
  "hide_payments",
  "is_top",
  "tags",
  "commission_tiers",
  "sub_accounts",
  "note_aff",
  "note_sales",
  "created_at",
  "updated_at",
];

export function affiliateView(adminView: Record<string, unknown>): Record<string, unknown> {
  const view: Record<string, unknown> = { ...adminView };
  for (const field of ADMIN_ONLY) delete view[field];
  view.payments = (adminView.payments as Record<string, unknown>[]).map((payment) => {
    const { total: _total, id: _id, with_regions: _w, url: _u, ...shown } = payment;
    return shown;
  });
  return view;
}
