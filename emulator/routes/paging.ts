import type { FormFields } from "../http/form";
import { Issues } from "../validation/issues";
import { readInteger } from "../validation/values";

export interface Paging {
  page: number;
  perPage: number;
}

/** `page` (1-based) and `limit`, capped at the endpoint's maximum; throws on non-integers. */
export function readPaging(
  query: FormFields,
  limits: { defaultLimit: number; maxLimit: number },
): Paging {
  const issues = new Issues();
  const page = query.page === undefined ? 1 : readInteger(query.page, "page", issues, { min: 1 });
  const limit =
    query.limit === undefined
      ? limits.defaultLimit
      : readInteger(query.limit, "limit", issues, { min: 1 });
  issues.throwIfAny();
  return { page: page ?? 1, perPage: Math.min(limit ?? limits.defaultLimit, limits.maxLimit) };
}

/** One page of items and Affise's pagination block; the last page has no `next_page` key. */
export function pageOf<T>(
  items: readonly T[],
  paging: Paging,
): {
  items: T[];
  pagination: { per_page: number; total_count: number; page: number; next_page?: number };
} {
  const start = (paging.page - 1) * paging.perPage;
  const more = start + paging.perPage < items.length;
  return {
    items: items.slice(start, start + paging.perPage),
    pagination: {
      per_page: paging.perPage,
      total_count: items.length,
      page: paging.page,
      ...(more ? { next_page: paging.page + 1 } : {}),
    },
  };
}
