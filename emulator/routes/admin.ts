import type { FastifyInstance } from "fastify";
import { offerReadModel } from "../read-model/offer";
import type { FaultSettings } from "../types";
import type { RouteContext } from "./context";

/** The emulator's own controls under /__emulator/ — no API key, never logged or faulted. */
export function registerAdminRoutes(app: FastifyInstance, context: RouteContext): void {
  app.get("/__emulator/health", async () => ({ status: "ok" }));

  app.get("/__emulator/requests", async () => ({ requests: context.log.list() }));

  app.delete("/__emulator/requests", async () => {
    context.log.clear();
    return { requests: [] };
  });

  app.get("/__emulator/faults", async () => context.faults.settings());

  app.post<{ Body: Partial<FaultSettings> }>("/__emulator/faults", async (request, reply) => {
    if (typeof request.body !== "object" || request.body === null || Array.isArray(request.body)) {
      return reply.code(400).send({ error: "send a JSON object with the FaultSettings to change" });
    }
    try {
      context.faults.patch(request.body);
    } catch (error) {
      return reply.code(400).send({ error: (error as Error).message });
    }
    return context.faults.settings();
  });

  app.post("/__emulator/faults/reset", async () => {
    context.faults.reset();
    return context.faults.settings();
  });

  app.get("/__emulator/offers", async () => ({
    offers: context.store.all().map((offer) => offerReadModel(offer, context.codeCase)),
  }));
}
