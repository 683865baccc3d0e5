/**
 * URLs checked as written, character by character, before any parser sees them: a URL parser
 * quietly drops tabs and line breaks, turns backslashes into slashes and repairs `http:host`, so
 * "the parser accepts it" says nothing about what Affise would be sent and store.
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Invisible characters that make a URL read differently from what it is (zero-width, bidi). */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const SCHEME_AND_AUTHORITY = /^(https?):\/\/([^/?#]*)/i;

export const HTTP_URL_RULE = "must be an http:// or https:// URL";

export interface UrlRules {
  /** A user name or password in the URL (`https://user:pass@host`). */
  credentials: boolean;
}

/** Why `raw` is not an acceptable http(s) URL, or undefined when it is. Never repeats the URL. */
export function urlProblem(
  raw: string,
  rules: UrlRules = { credentials: true },
): string | undefined {
  if (CONTROL.test(raw)) return "must not contain line breaks, tabs or other control characters";
  if (INVISIBLE.test(raw))
    return "must not contain invisible characters (zero-width or direction marks)";
  if (/\s/.test(raw)) return "must not contain spaces (write a space as %20)";
  if (raw.includes("\\")) return "must not contain a backslash (write / or %5C)";
  const start = SCHEME_AND_AUTHORITY.exec(raw);
  if (!start) return HTTP_URL_RULE;
  const authority = start[2];
  if (authority === "") return `must name a host right after ${start[1].toLowerCase()}://`;
  if (authority.includes("@") && !rules.credentials) {
    return "must not contain a user name or password; Affise authenticates with the API key";
  }
  try {
    if (new URL(raw).hostname === "") return HTTP_URL_RULE;
  } catch {
    return `${HTTP_URL_RULE} (its host or port is not valid)`;
  }
  return undefined;
}

/** The URL without `user:password@`, for anything that is stored or printed. */
export function withoutCredentials(url: string): string {
  return url.replace(/^(https?:\/\/)[^/?#@]*@/i, "$1");
}
