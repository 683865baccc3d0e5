import multipart from "@fastify/multipart";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import { registerApiHooks } from "./http/api-hooks";
import { isAdminPath } from "./http/api-request";
import { decodeForm } from "./http/form";
import { sendFailure, sendPageNotFound, sendRefusal, sendServerError } from "./http/replies";
import type { FaultController } from "./faults";
import type { RequestLog } from "./request-log";
import { registerAdminRoutes } from "./routes/admin";
import { registerAffiliateRoutes } from "./routes/affiliates";
import type { RouteContext } from "./routes/context";
import { registerOfferBulkRoutes } from "./routes/offer-bulk";
import { registerOfferReadRoutes } from "./routes/offer-read";
import { registerOfferWriteRoutes } from "./routes/offer-write";
import { registerReferenceRoutes } from "./routes/reference";
import type { OfferStore } from "./store/offer-store";
import type { CodeCase } from "./types";
import { ValidationError } from "./validation/issues";

export interface ServerParts {
  apiKey: string;
  affiliateApiKeys: readonly string[];
  codeCase: CodeCase;
  store: OfferStore;
  faults: FaultController;
  log: RequestLog;
  printLog: boolean;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** The Fastify app: Affise's routes, the emulator's admin routes, parsers, hooks, errors. */
export async function buildServer(parts: ServerParts): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_BODY_BYTES,
    routerOptions: { querystringParser: decodeForm },
    // Keep-alive sockets must not hold close() open.
    forceCloseConnections: true,
  });

  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string" },
    (_request, body, done) => done(null, decodeForm(body as string)),
  );
  await app.register(multipart, {
    limits: {
      fields: 100_000,
      fieldSize: 1024 * 1024,
      files: 50,
      fileSize: MAX_BODY_BYTES,
      parts: 100_000,
    },
  });
  // Any other body is read and ignored, as PHP ignores bodies it cannot decode.
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, _body, done) =>
    done(null, undefined),
  );

  const record = registerApiHooks(app, parts);
  const context: RouteContext = {
    store: parts.store,
    faults: parts.faults,
    log: parts.log,
    record,
    codeCase: parts.codeCase,
  };

  app.setNotFoundHandler((_request, reply) => sendPageNotFound(reply));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ValidationError) return sendRefusal(reply, error.message);
    if (isAdminPath(request.url))
      return reply.code(error.statusCode ?? 500).send({ error: error.message });
    if (error.statusCode !== undefined && error.statusCode < 500) {
      return sendFailure(reply, error.statusCode, error.message);
    }
    if (parts.printLog) process.stderr.write(`emulator error: ${error.stack ?? error.message}\n`);
    return sendServerError(reply);
  });

  registerOfferWriteRoutes(app, context);
  registerOfferReadRoutes(app, context);
  registerOfferBulkRoutes(app, context);
  registerReferenceRoutes(app);
  registerAffiliateRoutes(app, context);
  registerAdminRoutes(app, context);
  return app;
}
