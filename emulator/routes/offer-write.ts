import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { affiseTimestamp } from "../clock";
import { formOf } from "../http/api-request";
import { sendPageNotFound, sendResourceNotFound } from "../http/replies";
import { newObjectId } from "../ids";
import { blankOffer } from "../model";
import { offerReadModel } from "../read-model/offer";
import { applyOfferForm } from "../validation/offer";
import { parseOfferId, type RouteContext } from "./context";

/** POST /3.0/admin/offer (create) and POST /3.0/admin/offer/{id} (edit). */
export function registerOfferWriteRoutes(app: FastifyInstance, context: RouteContext): void {
  // Affise commits creates in the order it received them: a create may take longer inside, but
  // one received later is stored (and numbered) only after it, so ids rise in the order received.
  let lastCommit: Promise<unknown> = Promise.resolve();
  app.post("/3.0/admin/offer", async (request, reply) => {
    const slowFor = context.faults.takeSlowCreate();
    // Unref'd: a create still waiting when the emulator closes must not keep its process alive.
    const processing =
      slowFor > 0 ? new Promise((resolve) => setTimeout(resolve, slowFor).unref()) : undefined;
    const turn = Promise.all([lastCommit, processing]);
    lastCommit = turn;
    await turn;
    const now = new Date();
    const draft = applyOfferForm(
      formOf(request),
      blankOffer(0, newObjectId(now), affiseTimestamp(now)),
      "create",
    );
    const offer = context.store.insert(draft);
    if (context.faults.takeDropAfterCommit()) return dropConnection(request, reply, context);
    return { status: 1, offer: offerReadModel(offer, context.codeCase) };
  });

  app.post<{ Params: { id: string } }>("/3.0/admin/offer/:id", async (request, reply) => {
    const id = parseOfferId(request.params.id);
    if (id === undefined) return sendPageNotFound(reply);
    const existing = context.store.get(id);
    if (!existing) return sendResourceNotFound(reply);
    const edited = applyOfferForm(formOf(request), existing, "edit");
    const [offer] = context.store.replace([{ ...edited, updatedAt: affiseTimestamp() }]);
    if (context.faults.takeDropEditAfterCommit()) return dropConnection(request, reply, context);
    return { status: 1, offer: offerReadModel(offer, context.codeCase) };
  });
}

/** The write is committed; the client never hears so (the cause of duplicate offers). */
function dropConnection(
  request: FastifyRequest,
  reply: FastifyReply,
  context: RouteContext,
): FastifyReply {
  context.record(request, 0);
  reply.hijack();
  request.raw.socket.destroy();
  return reply;
}
