/** What Affise saw during a phase, from the emulator's request log. */
import type { LoggedRequest } from "../emulator";

export interface RequestStats {
  total: number;
  /** Requests by method and route, ids folded: "GET /3.0/offer/{id}". */
  byRoute: Record<string, number>;
  /** Requests Affise answered with 2xx. */
  accepted: number;
  acceptedByRoute: Record<string, number>;
  /** Accepted POSTs: the requests that change something in Affise. */
  writes: number;
  /** 429 answers. */
  throttled: number;
  /** 429s whose exact request (method, path, query, body) was later sent again and accepted. */
  throttledThenAccepted: number;
  /** Answers other than 2xx and 429 (4xx, 5xx, dropped connections). */
  otherFailures: number;
  /** Seconds from the first request's arrival to the last's. */
  spanSeconds: number;
}

export function summarizeRequests(log: LoggedRequest[]): RequestStats {
  const byRoute: Record<string, number> = {};
  const acceptedByRoute: Record<string, number> = {};
  const pending429 = new Map<string, number>();
  let accepted = 0;
  let writes = 0;
  let throttled = 0;
  let throttledThenAccepted = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const request of log) {
    const at = Date.parse(request.at);
    first = Math.min(first, at);
    last = Math.max(last, at);
    const route = `${request.method} ${routeOf(request.path)}`;
    byRoute[route] = (byRoute[route] ?? 0) + 1;
    const key = JSON.stringify([request.method, request.path, request.query, request.body]);
    if (request.status === 429) {
      throttled++;
      pending429.set(key, (pending429.get(key) ?? 0) + 1);
    } else if (request.status >= 200 && request.status < 300) {
      accepted++;
      acceptedByRoute[route] = (acceptedByRoute[route] ?? 0) + 1;
      if (request.method === "POST") writes++;
      throttledThenAccepted += pending429.get(key) ?? 0;
      pending429.delete(key);
    }
  }
  return {
    total: log.length,
    byRoute: sortedByRoute(byRoute),
    accepted,
    acceptedByRoute: sortedByRoute(acceptedByRoute),
    writes,
    throttled,
    throttledThenAccepted,
    otherFailures: log.length - accepted - throttled,
    spanSeconds: log.length > 1 ? (last - first) / 1000 : 0,
  };
}

function routeOf(path: string): string {
  return path.replace(/\/\d+(?=\/|$)/g, "/{id}");
}

function sortedByRoute(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}
