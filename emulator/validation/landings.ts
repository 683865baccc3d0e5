import type { StoredLanding } from "../model";
import type { Issues } from "./issues";
import { readEnum, readInteger, readList, readMap, readNonEmptyText } from "./values";
import { readWebUrl } from "./web-url";

const LANDING_TYPES = ["landing", "transit"] as const;

/**
 * `landings[i][title|url|url_preview|type|id]`. A landing sent with the id of one of this offer's
 * landings updates it in place and keeps the id; without one it is new (the store numbers it).
 * `landings=` (an empty string) removes every landing.
 */
export function readLandings(
  value: unknown,
  path: string,
  existing: readonly StoredLanding[],
  issues: Issues,
): StoredLanding[] | undefined {
  const entries = readList(value, path, issues);
  if (entries === undefined) return undefined;
  const before = issues.count;
  const claimed = new Set<number>();
  const landings: StoredLanding[] = [];
  for (const entry of entries) {
    const at = `${path}[${entry.index}]`;
    const fields = readMap(entry.value, at, issues);
    if (!fields) continue;
    const sentId =
      fields.id === undefined ? undefined : readInteger(fields.id, `${at}.id`, issues, { min: 1 });
    const keep =
      sentId !== undefined && existing.some((l) => l.id === sentId) && !claimed.has(sentId);
    if (keep) claimed.add(sentId);
    landings.push({
      id: keep ? sentId : 0,
      title: readNonEmptyText(fields.title, `${at}.title`, issues) ?? "",
      url: readWebUrl(fields.url, `${at}.url`, issues) ?? "",
      urlPreview: readWebUrl(fields.url_preview, `${at}.url_preview`, issues) ?? "",
      type:
        fields.type === undefined
          ? "landing"
          : (readEnum(fields.type, LANDING_TYPES, `${at}.type`, issues) ?? ""),
    });
  }
  return issues.count === before ? landings : undefined;
}
