import { timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { API_KEY_PARAMETERS, type FormFields } from "./form";

/**
 * The key a request presents: the `API-Key` header (any case: Node lower-cases header names)
 * or the `api-key` / `API-Key` query parameter. UNCERTAIN: whether Affise also accepts other
 * casings of the query parameter; the emulator accepts only the two documented spellings.
 */
export function presentedApiKey(request: FastifyRequest): string | undefined {
  const header = request.headers["api-key"];
  if (typeof header === "string" && header !== "") return header;
  const query = (request.query ?? {}) as FormFields;
  for (const name of API_KEY_PARAMETERS) {
    const value = query[name];
    if (typeof value === "string" && value !== "") return value;
  }
  return undefined;
}

export type KeyRole = "admin" | "affiliate";

/** Whose key the request presents: the admin's, an affiliate's, or none the tenant knows. */
export function roleOfKey(
  request: FastifyRequest,
  apiKey: string,
  affiliateApiKeys: readonly string[],
): KeyRole | undefined {
  const presented = presentedApiKey(request);
  if (presented === undefined) return undefined;
  if (sameKey(presented, apiKey)) return "admin";
  return affiliateApiKeys.some((key) => sameKey(presented, key)) ? "affiliate" : undefined;
}

function sameKey(presented: string, key: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}
