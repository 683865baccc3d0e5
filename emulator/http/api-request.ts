import type { FastifyRequest } from "fastify";
import type { FormFields } from "./form";

/** What the emulator knows about one API request beyond what Fastify keeps. */
export interface ApiRequest {
  seq: number;
  at: string;
  query: FormFields;
  body: FormFields;
  /** Query and body merged, as Affise reads parameters: the body wins on a clash. */
  form: FormFields;
  /** True once the request is in the log (e.g. dropped), so it is not logged twice. */
  logged: boolean;
  /** Whose key it carried, once authenticated. */
  role?: "admin" | "affiliate";
}

const apiRequests = new WeakMap<FastifyRequest, ApiRequest>();

export function attachApiRequest(request: FastifyRequest, api: ApiRequest): void {
  apiRequests.set(request, api);
}

export function apiRequestOf(request: FastifyRequest): ApiRequest | undefined {
  return apiRequests.get(request);
}

/** The merged form of an API request; routes only run for API requests, so it is always set. */
export function formOf(request: FastifyRequest): FormFields {
  return apiRequests.get(request)?.form ?? {};
}

/** Whether the request came with an affiliate's key: it then sees the affiliate view. */
export function isAffiliateRequest(request: FastifyRequest): boolean {
  return apiRequests.get(request)?.role === "affiliate";
}

export const ADMIN_PREFIX = "/__emulator";

export function isAdminPath(url: string): boolean {
  return (
    url === ADMIN_PREFIX || url.startsWith(`${ADMIN_PREFIX}/`) || url.startsWith(`${ADMIN_PREFIX}?`)
  );
}
