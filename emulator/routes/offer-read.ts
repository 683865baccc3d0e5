import type { FastifyInstance } from "fastify";
import { formOf } from "../http/api-request";
import { sendPageNotFound, sendResourceNotFound } from "../http/replies";
import { offerReadModel } from "../read-model/offer";
import { parseOfferId, type RouteContext } from "./context";
import { listOffers } from "./offer-list";

/** GET /3.0/offer/{id}, GET /3.0/offers, GET /3.0/offers/count. */
export function registerOfferReadRoutes(app: FastifyInstance, context: RouteContext): void {
  app.get<{ Params: { id: string } }>("/3.0/offer/:id", async (request, reply) => {
    const id = parseOfferId(request.params.id);
    if (id === undefined) return sendPageNotFound(reply);
    const offer = context.store.get(id);
    if (!offer) return sendResourceNotFound(reply);
    return { status: 1, offer: offerReadModel(offer) };
  });

  app.get("/3.0/offers", async (request) => {
    const page = listOffers(formOf(request), context.store.scan());
    return { status: 1, offers: page.items.map(offerReadModel), pagination: page.pagination };
  });

  app.get("/3.0/offers/count", async () => {
    const count = context.store.scan().filter((offer) => offer.status === "active").length;
    return { status: 1, count };
  });
}
