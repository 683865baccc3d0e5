/**
 * Errors from Affise, reduced to what a user needs: method, path, HTTP status and Affise's own
 * message. Axios errors carry the request config (headers included, so the API key); they never
 * leave this module.
 */
import { isAxiosError } from "axios";

export type FailureKind = "http" | "timeout" | "network" | "refused" | "protocol";

export class AffiseError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly kind: FailureKind,
    readonly affiseMessage: string,
    readonly status?: number,
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

  /** Sending it again is pointless: Affise rejected it (4xx other than 429) or the answer was unreadable. */
  get isFinal(): boolean {
    if (this.kind === "protocol") return true;
    return this.status !== undefined && this.status < 500 && this.status !== 429;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
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
        scrub(messageFromBody(error.response.data)),
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

export function redact(text: string, secrets: string[]): string {
  return secrets
    .filter((s) => s.length >= 4)
    .reduce((out, secret) => out.split(secret).join("[redacted]"), text);
}
