import qs from "qs";
import type { FastifyRequest } from "fastify";

/** A decoded form or query: PHP bracket names turned into nested objects and arrays. */
export type FormFields = Record<string, unknown>;

// qs's defaults turn `a[25]=x` into an object key and stop at depth 5; Affise's PHP parser
// does neither. Sparse arrays are kept so errors can name the index the client sent.
const DECODE_OPTIONS: qs.IParseOptions = {
  arrayLimit: 10_000,
  depth: 20,
  parameterLimit: 100_000,
  allowSparse: true,
  allowPrototypes: false,
};

/** The spellings of the API-key query parameter Affise documents. */
export const API_KEY_PARAMETERS = ["api-key", "API-Key"] as const;

export function decodeForm(encoded: string): FormFields {
  return qs.parse(encoded, DECODE_OPTIONS) as FormFields;
}

export function isFormContentType(contentType: string | undefined): boolean {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  return type === "application/x-www-form-urlencoded" || type === "multipart/form-data";
}

/** Reads every multipart field (files are drained and ignored) into the same bracket structure. */
export async function decodeMultipart(request: FastifyRequest): Promise<FormFields> {
  const pairs = new URLSearchParams();
  for await (const part of request.parts()) {
    if (part.type === "file") {
      part.file.resume();
      continue;
    }
    pairs.append(part.fieldname, String(part.value));
  }
  return decodeForm(pairs.toString());
}

export function withoutApiKey(fields: FormFields): FormFields {
  const copy: FormFields = { ...fields };
  for (const name of API_KEY_PARAMETERS) delete copy[name];
  return copy;
}
