import type { FastifyInstance } from "fastify";
import { affiseTimestamp } from "../clock";
import { formOf } from "../http/api-request";
import { sendPageNotFound, sendResourceNotFound } from "../http/replies";
import type { StoredOffer } from "../model";
import { Issues } from "../validation/issues";
import { readFlag, readInteger, readStringList } from "../validation/values";
import { parseOfferId, type RouteContext } from "./context";

type Access = "enable" | "disable";

/**
 * Which affiliates may run a private or premoderated offer: enable-affiliate / disable-affiliate
 * (`offer_id` one id or a list, `pid`, `notice`) and the access list at /3.1/offers/{id}/privacy.
 */
export function registerAffiliateRoutes(app: FastifyInstance, context: RouteContext): void {
  for (const access of ["enable", "disable"] as const) {
    app.post(`/3.0/offer/${access}-affiliate`, async (request, reply) => {
      const { offerIds, affiliate } = readAccessForm(formOf(request));
      const offers = offerIds.map((id) => context.store.get(id));
      if (offers.some((offer) => offer === undefined)) return sendResourceNotFound(reply);
      const updatedAt = affiseTimestamp();
      context.store.replace(
        (offers as StoredOffer[]).map((offer) => ({
          ...grant(offer, affiliate, access),
          updatedAt,
        })),
      );
      return { status: 1, message: `Request for offer ${offerIds.join(", ")} is successfully` };
    });
  }

  app.get<{ Params: { id: string } }>("/3.1/offers/:id/privacy", async (request, reply) => {
    const id = parseOfferId(request.params.id);
    if (id === undefined) return sendPageNotFound(reply);
    const offer = context.store.get(id);
    if (!offer) return sendResourceNotFound(reply);
    // The documented example has no "status" field: this endpoint is the exception.
    return {
      affiliates_disabled: offer.affiliatesDisabled,
      affiliates_enabled: offer.affiliatesEnabled,
      privacy_level: offer.privacy === "protected" ? "premoderated" : offer.privacy,
    };
  });
}

function readAccessForm(form: Record<string, unknown>): { offerIds: number[]; affiliate: number } {
  const issues = new Issues();
  if (form.offer_id === undefined)
    issues.add("offer_id", "is required (an offer id or a list of them)");
  const entries =
    form.offer_id === undefined
      ? []
      : (readStringList(form.offer_id, "offer_id", issues, { allowScalar: true }) ?? []);
  const offerIds = entries.map(
    (entry) => readInteger(entry.value, entry.path, issues, { min: 1 }) ?? 0,
  );
  if (form.pid === undefined) issues.add("pid", "is required (the affiliate id)");
  const affiliate =
    form.pid === undefined ? 0 : (readInteger(form.pid, "pid", issues, { min: 1 }) ?? 0);
  if (form.notice !== undefined) readFlag(form.notice, "notice", issues);
  issues.throwIfAny();
  return { offerIds: [...new Set(offerIds)], affiliate };
}

function grant(offer: StoredOffer, affiliate: number, access: Access): StoredOffer {
  const without = (list: number[]) => list.filter((id) => id !== affiliate);
  const enabled = without(offer.affiliatesEnabled);
  const disabled = without(offer.affiliatesDisabled);
  if (access === "enable") enabled.push(affiliate);
  else disabled.push(affiliate);
  return { ...offer, affiliatesEnabled: enabled, affiliatesDisabled: disabled };
}
