import type { FastifyReply } from "fastify";

/** Affise's error envelope: `{"status":2,"message":…}` with the matching HTTP status. */
export function sendFailure(
  reply: FastifyReply,
  httpStatus: number,
  message: string,
): FastifyReply {
  return reply.code(httpStatus).send({ status: 2, message });
}

/**
 * A refused request (validation): `{"status":2,"error":…}`. Affise's own clients read the text
 * from `error`; the fixed answers the spec documents (401, 403, 404, 500) keep `message`.
 */
export function sendRefusal(reply: FastifyReply, text: string): FastifyReply {
  return reply.code(400).send({ status: 2, error: text });
}

export function sendResourceNotFound(reply: FastifyReply): FastifyReply {
  return sendFailure(reply, 404, "Resource Not Found");
}

/** Unknown paths answer with `error`, not `message` — Affise's own inconsistency. */
export function sendPageNotFound(reply: FastifyReply): FastifyReply {
  return reply.code(404).send({ status: 2, error: "Page Not Found" });
}

export function sendServerError(reply: FastifyReply): FastifyReply {
  return sendFailure(reply, 500, "Server error, Please contact your administrator");
}

// A 502 comes from Affise's front proxy, not its application: HTML, not JSON.
const BAD_GATEWAY_PAGE =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n" +
  "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

export function sendBadGateway(reply: FastifyReply): FastifyReply {
  return reply.code(502).type("text/html").send(BAD_GATEWAY_PAGE);
}

export function sendTooManyRequests(reply: FastifyReply, retryAfterSeconds?: number): FastifyReply {
  if (retryAfterSeconds !== undefined) reply.header("Retry-After", String(retryAfterSeconds));
  return sendFailure(reply, 429, "Too Many Requests");
}
