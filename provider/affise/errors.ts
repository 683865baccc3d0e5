/**
 * Errors from Affise, reduced to what a user needs: method, path, HTTP status and Affise's own
 * message. Axios errors carry the request config (headers included, so the API key); they never
 * leave this module.
 */
import { isAxiosError } from "axios";
import { inFileTerms } from "./wire-names";

/** "wait": Affise asked for a longer pause than the provider waits; nothing was sent. */
export type FailureKind = "http" | "timeout" | "network" | "refused" | "protocol" | "wait";

export class AffiseError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly kind: FailureKind,
    readonly affiseMessage: string,
    readonly status?: number,
    /** True only for Affise's own "no such resource" envelope; see isAffiseNotFound. */
    private readonly affiseNotFound = false,
  ) {
    super(
      `${method} ${path} failed: ${status !== undefined ? `HTTP ${status}` : kind}: ${affiseMessage}`,
    );
    this.name = "AffiseError";
  }

  /** Affise may have carried out the request: it answered 5xx or garbage, or the answer never came. */
  get mayHaveCommitted(): boolean {
    if (this.kind === "timeout" || this.kind === "network" || this.kind === "protocol") return true;
    return this.status !== undefined && this.status >= 500;
  }

  /** No answer came: Affise may still be working on the request, and commit it later. */
  get mayStillBeRunning(): boolean {
    return this.kind === "timeout" || this.kind === "network";
  }

  /** Sending it again is pointless: Affise rejected it (4xx other than 429) or the answer was unreadable. */
  get isFinal(): boolean {
    if (this.kind === "protocol" || this.kind === "wait") return true;
    return this.status !== undefined && this.status < 500 && this.status !== 429;
  }

  /** The resource is gone: Affise itself said so, not a proxy or a wrong path. */
  get isNotFound(): boolean {
    return this.affiseNotFound;
  }
}

/**
 * Affise's own not-found answer: a JSON envelope `{"status":2,...}` whose text says the resource
 * was not found. "Page Not Found" is Affise's answer for a path it does not serve (a wrong base
 * URL), so it says nothing about the offer; an HTML page, a bare line or another JSON shape come
 * from something in front of Affise. None of those may ever count as "deleted".
 */
export function isAffiseNotFound(httpStatus: number, body: unknown): boolean {
  if (httpStatus !== 404 && httpStatus !== 200) return false;
  if (body === null || typeof body !== "object" || Array.isArray(body)) return false;
  const envelope = body as { status?: unknown; message?: unknown; error?: unknown };
  if (envelope.status !== 2) return false;
  const text = [envelope.message, envelope.error].filter((t) => typeof t === "string").join(" ");
  return /not found/i.test(text) && !/page not found/i.test(text);
}

/** A 404 that is not Affise's not-found envelope: name the URL, so the user can find the culprit. */
export function foreignNotFound(method: string, url: string, body: unknown): AffiseError {
  const shown = typeof body === "string" ? messageFromBody(body) : JSON.stringify(body ?? null);
  return new AffiseError(
    method,
    url,
    "http",
    `the answer is not Affise's not-found message but ${JSON.stringify(shown.slice(0, 120))}, ` +
      "so nothing is treated as deleted; check affise:apiUrl (and any proxy in front of Affise)",
    404,
  );
}

/** Turns anything thrown while talking to Affise into an AffiseError with the secrets scrubbed. */
export function toAffiseError(
  error: unknown,
  method: string,
  path: string,
  secrets: string[],
): AffiseError {
  if (error instanceof AffiseError) return error;
  const scrub = (text: string) => redact(text, secrets);
  if (isAxiosError(error)) {
    if (error.response) {
      return new AffiseError(
        method,
        path,
        "http",
        inFileTerms(scrub(messageFromBody(error.response.data))),
        error.response.status,
      );
    }
    const code = error.code ?? "";
    if (code === "ECONNABORTED" || code === "ETIMEDOUT" || /timeout/i.test(error.message)) {
      return new AffiseError(method, path, "timeout", "no answer before the timeout");
    }
    if (code === "ECONNREFUSED")
      return new AffiseError(method, path, "refused", "connection refused");
    return new AffiseError(method, path, "network", scrub(code || error.message));
  }
  return new AffiseError(
    method,
    path,
    "protocol",
    scrub(error instanceof Error ? error.message : String(error)),
  );
}

/** Affise answers `{"status":2,"message":...}`; some handlers use `error`, or an object for message. */
export function messageFromBody(body: unknown): string {
  if (body && typeof body === "object") {
    const { message, error } = body as { message?: unknown; error?: unknown };
    const found = message ?? error;
    if (typeof found === "string" && found !== "") return found;
    if (found !== undefined && found !== null) return JSON.stringify(found);
  }
  if (typeof body === "string" && body.trim() !== "") return plainText(body);
  return "no message";
}

/** A proxy's error page (nginx answers 502 in HTML) reduced to its title or text. */
function plainText(body: string): string {
  const title = /<title>([^<]*)<\/title>/i.exec(body)?.[1];
  const text = title ?? body.replace(/<[^>]*>/g, " ");
  return text.replace(/\s+/g, " ").trim().slice(0, 300);
}

/**
 * Removes every secret from `text`, however a server might echo it: in any letter case, URL-encoded,
 * or base64-encoded (standard or URL-safe, at any alignment inside a longer encoded text).
 */
export function redact(text: string, secrets: string[]): string {
  return secrets
    .filter((secret) => secret.length > 0)
    .flatMap(echoesOf)
    .reduce((out, pattern) => out.replace(pattern, "[redacted]"), text);
}

function echoesOf(secret: string): RegExp[] {
  const literal = (form: string, flags: string) => new RegExp(escapeRegExp(form), flags);
  const forms = [literal(secret, "gi"), literal(encodeURIComponent(secret), "gi")];
  for (const encoded of base64Cores(secret)) {
    forms.push(
      literal(encoded, "g"),
      literal(encoded.replace(/\+/g, "-").replace(/\//g, "_"), "g"),
    );
  }
  return forms;
}

/**
 * The part of base64(prefix + secret) that depends on the secret alone, for each of the three
 * alignments a secret can have inside a longer encoded text (`API-Key: <key>` encoded whole).
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64");
    const first = Math.ceil((offset * 8) / 6);
    const last = Math.floor(((offset + bytes.length) * 8) / 6);
    const core = encoded.slice(first, last);
    if (core.length >= 6) cores.push(core);
  }
  return cores;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
