/**
 * One spelling per Affise API URL, so an offer's account is compared by what it is, not by how it
 * was typed: scheme and host in lower case, no default port, no trailing slash, no credentials.
 * Different host names stay different, even `localhost` and `127.0.0.1`: that two names reach the
 * same account cannot be proven from the names, so it is not assumed.
 */
export function canonicalApiUrl(raw: string): string {
  let spelled = spellings.get(raw);
  if (spelled === undefined) {
    // A process sees a few accounts, asked about once per offer per hook: parse each URL once.
    if (spellings.size >= 64) spellings.clear();
    spelled = spell(raw);
    spellings.set(raw, spelled);
  }
  return spelled;
}

const spellings = new Map<string, string>();

function spell(raw: string): string {
  const trimmed = raw.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return trimmed.replace(/\/+$/, "");
  }
  url.username = "";
  url.password = "";
  url.hash = "";
  return url.toString().replace(/\/+$/, "");
}

/** Whether two API URLs name the same account, however each is spelled. */
export function sameTenant(a: string, b: string): boolean {
  return a === b || canonicalApiUrl(a) === canonicalApiUrl(b);
}
