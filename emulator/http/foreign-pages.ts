import type { FastifyReply } from "fastify";
import type { ForeignNotFoundStyle } from "../types";

/**
 * 404s that do not come from Affise's application: a proxy, a load balancer or a mistyped base
 * path answers them. A client must not read any of these as "the offer was deleted".
 */
const BODIES: Record<ForeignNotFoundStyle, { type: string; body: string }> = {
  html: {
    type: "text/html",
    body:
      "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n" +
      "<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
  },
  text: { type: "text/plain", body: "404 Page Not Found" },
  json: { type: "application/json", body: '{"detail":"Not Found"}' },
};

export const FOREIGN_NOT_FOUND_STYLES = Object.keys(BODIES) as ForeignNotFoundStyle[];

export function sendForeignNotFound(
  reply: FastifyReply,
  style: ForeignNotFoundStyle,
): FastifyReply {
  const { type, body } = BODIES[style];
  return reply.code(404).type(type).send(body);
}
