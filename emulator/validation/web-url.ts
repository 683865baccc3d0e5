import type { Issues } from "./issues";

/** An absolute http(s) URL; Affise's macros such as `{clickid}` are allowed in path and query. */
export function readWebUrl(value: unknown, path: string, issues: Issues): string | undefined {
  if (value === undefined) {
    issues.add(path, "is required (an http(s) URL)");
    return undefined;
  }
  if (typeof value !== "string" || value.trim() === "") {
    issues.add(path, "must be an http(s) URL");
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(value.trim());
  } catch {
    issues.add(path, `must be an http(s) URL (got '${value}')`);
    return undefined;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    issues.add(path, `must be an http(s) URL (got '${value}')`);
    return undefined;
  }
  return value.trim();
}
