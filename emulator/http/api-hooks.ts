import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { FaultController, Rejection } from "../faults";
import type { RequestLog } from "../request-log";
import { apiRequestOf, attachApiRequest, isAdminPath, type ApiRequest } from "./api-request";
import { roleOfKey } from "./auth";
import { sendForeignNotFound } from "./foreign-pages";
import { decodeMultipart, isFormContentType, withoutApiKey, type FormFields } from "./form";
import { sendBadGateway, sendFailure, sendServerError, sendTooManyRequests } from "./replies";

export interface ApiHookOptions {
  apiKey: string;
  affiliateApiKeys: readonly string[];
  faults: FaultController;
  log: RequestLog;
  printLog: boolean;
}

/** Records an API request's outcome in the log (and on stderr when asked to). */
export type RecordOutcome = (request: FastifyRequest, status: number) => void;

/**
 * Everything that happens to an API request around its route: decode the form, apply faults
 * (rate limit, queued failures, latency), check the API key, and log the outcome. Requests to
 * /__emulator/* skip all of it.
 */
export function registerApiHooks(app: FastifyInstance, options: ApiHookOptions): RecordOutcome {
  let sequence = 0;
  const record: RecordOutcome = (request, status) => {
    const api = apiRequestOf(request);
    if (!api || api.logged) return;
    api.logged = true;
    const path = request.url.split("?")[0];
    const entry = {
      method: request.method,
      path,
      query: api.query,
      body: api.body,
      status,
      at: api.at,
    };
    options.log.record(api.seq, entry);
    if (options.printLog) process.stderr.write(`${api.at} ${request.method} ${path} ${status}\n`);
  };

  app.addHook("onRequest", async (request) => {
    if (isAdminPath(request.url)) return;
    const query = withoutApiKey((request.query ?? {}) as FormFields);
    const api: ApiRequest = {
      seq: ++sequence,
      at: new Date().toISOString(),
      query,
      body: {},
      form: query,
      logged: false,
    };
    attachApiRequest(request, api);
  });

  app.addHook("preValidation", async (request) => {
    const api = apiRequestOf(request);
    if (!api) return;
    api.body = await readFormBody(request);
    api.form = { ...api.query, ...api.body };
  });

  app.addHook("preHandler", async (request, reply) => {
    if (!apiRequestOf(request)) return;
    const foreign = options.faults.foreignNotFoundFor(request.url.split("?")[0]);
    if (foreign) return sendForeignNotFound(reply, foreign);
    const rejection = options.faults.admit();
    if (rejection) return reject(reply, rejection);
    if (options.faults.latencyMs > 0) await sleep(options.faults.latencyMs);
    // Affise routes before it authenticates: an unknown path is a 404 with or without a key.
    if (request.is404) return;
    const role = roleOfKey(request, options.apiKey, options.affiliateApiKeys);
    if (!role) return sendFailure(reply, 401, "Token is necessary");
    apiRequestOf(request)!.role = role;
    if (role === "affiliate" && !AFFILIATE_ROUTE.test(request.url.split("?")[0]))
      return sendFailure(reply, 403, "Auth Denied");
  });

  app.addHook("onSend", async (request, reply, payload) => {
    record(request, reply.statusCode);
    return payload;
  });

  return record;
}

/** What an affiliate's key may read: offers (in the affiliate view) and the /3.1 reference lists. */
const AFFILIATE_ROUTE =
  /^\/(3\.0\/offers?(\/(\d+|count))?|3\.1\/(countries|devices|oses|cities|connection-types)(\/.*)?)$/;

/** PHP reads form bodies only (never JSON) and only on writes. */
async function readFormBody(request: FastifyRequest): Promise<FormFields> {
  if (request.method === "GET" || !isFormContentType(request.headers["content-type"])) return {};
  if (request.isMultipart()) return decodeMultipart(request);
  const body = request.body;
  return typeof body === "object" && body !== null ? (body as FormFields) : {};
}

function reject(reply: FastifyReply, rejection: Rejection): FastifyReply {
  if (rejection.status === 429) return sendTooManyRequests(reply, rejection.retryAfterSeconds);
  if (rejection.status === 502) return sendBadGateway(reply);
  return sendServerError(reply);
}

/** Unref'd: a request still waiting when the emulator closes must not keep its process alive. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
