import type { FastifyInstance } from "fastify";
import type { FastifyRequest } from "fastify";
import { formOf, isAffiliateRequest } from "../http/api-request";
import { affiliateView } from "../read-model/affiliate-view";
import { sendPageNotFound, sendResourceNotFound } from "../http/replies";
import { offerReadModel } from "../read-model/offer";
import { parseOfferId, type RouteContext } from "./context";
import { listOffers } from "./offer-list";
import type { StoredOffer } from "../model";

/** GET /3.0/offer/{id}, GET /3.0/offers, GET /3.0/offers/count. */
export function registerOfferReadRoutes(app: FastifyInstance, context: RouteContext): void {
  app.get<{ Params: { id: string } }>("/3.0/offer/:id", async (request, reply) => {
    const id = parseOfferId(request.params.id);
    if (id === undefined) return sendPageNotFound(reply);
    const offer = context.store.get(id);
    if (!offer) return sendResourceNotFound(reply);
    return { status: 1, offer: readModelFor(request, context)(offer) };
  });

  app.get("/3.0/offers", async (request) => {
    const page = listOffers(formOf(request), context.store.scan());
    const view = readModelFor(request, context);
    return { status: 1, offers: page.items.map(view), pagination: page.pagination };
  });

  app.get("/3.0/offers/count", async () => {
    const count = context.store.scan().filter((offer) => offer.status === "active").length;
    return { status: 1, count };
  });
}

/** The admin's read model, or the affiliate view for an affiliate's key. */
function readModelFor(request: FastifyRequest, context: RouteContext) {
  const affiliate = isAffiliateRequest(request);
  return (offer: StoredOffer) => {
    const admin = offerReadModel(offer, context.codeCase);
    return affiliate ? affiliateView(admin) : admin;
  };
}
