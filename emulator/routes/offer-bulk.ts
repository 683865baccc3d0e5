import type { FastifyInstance } from "fastify";
import { affiseTimestamp } from "../clock";
import type { FormFields } from "../http/form";
import { formOf } from "../http/api-request";
import { sendResourceNotFound } from "../http/replies";
import { OFFER_STATUSES, PRIVACY_LEVELS, type StoredOffer } from "../model";
import { Issues } from "../validation/issues";
import { readEnum, readInteger, readStringList } from "../validation/values";
import type { RouteContext } from "./context";

/** POST /3.0/admin/offer/delete and POST /3.0/admin/offer/mass-update (both by `offer_id[]`). */
export function registerOfferBulkRoutes(app: FastifyInstance, context: RouteContext): void {
  app.post("/3.0/admin/offer/delete", async (request, reply) => {
    const ids = readOfferIds(formOf(request));
    const offers = findAll(ids, context);
    if (!offers) return sendResourceNotFound(reply);
    context.store.remove(ids);
    // The documented message names one offer; several are listed the same way.
    return { status: 1, message: `Offer ${ids.join(", ")} is removed successfully.` };
  });

  app.post("/3.0/admin/offer/mass-update", async (request, reply) => {
    const form = formOf(request);
    const issues = new Issues();
    const ids = readOfferIds(form);
    const status =
      form.status === undefined
        ? undefined
        : readEnum(form.status, OFFER_STATUSES, "status", issues);
    const privacy =
      form.privacy === undefined
        ? undefined
        : readEnum(form.privacy, PRIVACY_LEVELS, "privacy", issues);
    if (form.status === undefined && form.privacy === undefined)
      issues.add("status", "status or privacy is required");
    issues.throwIfAny();
    const offers = findAll(ids, context);
    if (!offers) return sendResourceNotFound(reply);
    const updatedAt = affiseTimestamp();
    context.store.replace(
      offers.map((offer) => ({
        ...offer,
        status: status ?? offer.status,
        privacy: privacy ?? offer.privacy,
        updatedAt,
      })),
    );
    return { status: 1, message: "status updated" };
  });
}

/** `offer_id[]` holds integer ids (despite the name, not the 24-hex `offer_id`). */
function readOfferIds(form: FormFields): number[] {
  const issues = new Issues();
  if (form.offer_id === undefined)
    issues.add("offer_id", "is required (a list of integer offer ids)");
  const entries =
    form.offer_id === undefined ? [] : (readStringList(form.offer_id, "offer_id", issues) ?? []);
  if (form.offer_id !== undefined && entries.length === 0)
    issues.add("offer_id", "must name at least one offer");
  const ids = entries.map((entry) => readInteger(entry.value, entry.path, issues, { min: 1 }) ?? 0);
  issues.throwIfAny();
  return [...new Set(ids)];
}

/**
 * UNCERTAIN: what Affise does with ids it does not have. The emulator refuses the whole request
 * with 404 "Resource Not Found" and changes nothing, so a client must treat "already gone" as
 * done on its own — the less forgiving reading.
 */
function findAll(ids: number[], context: RouteContext): StoredOffer[] | undefined {
  const offers = ids.map((id) => context.store.get(id));
  return offers.every((offer) => offer !== undefined) ? (offers as StoredOffer[]) : undefined;
}
