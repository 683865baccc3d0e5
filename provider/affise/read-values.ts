/**
 * Tolerant reading of single values in Affise's answers. Affise is a PHP application and its
 * shapes vary by tenant and age: a list with gaps arrives as an object keyed by index, an empty
 * list as "" or null or {}, a flag as true, 1 or "1", a number as text. Where the meaning is
 * clear the value is normalised; where it is not, reading fails with a ReadShapeError naming the
 * field and the shape seen (in one sentence; never a dump of the value).
 */

export type Raw = Record<string, unknown>;

export class ReadShapeError extends Error {
  constructor(
    readonly field: string,
    readonly seen: string,
    readonly expected: string,
  ) {
    super(
      seen === "nothing"
        ? `Affise sent no ${field}, where ${expected} was expected`
        : `Affise sent ${field} as ${seen}, where ${expected} was expected`,
    );
    this.name = "ReadShapeError";
  }
}

/** How a value looks, in words, without quoting it (it may be long, or someone's data). */
export function shapeOf(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  if (typeof value === "object")
    return Object.keys(value).length === 0 ? "an empty object" : "an object";
  if (typeof value === "string") return value === "" ? "empty text" : "text";
  if (typeof value === "boolean") return "true/false";
  return `a ${typeof value}`;
}

const fail = (field: string, value: unknown, expected: string): never => {
  throw new ReadShapeError(field, shapeOf(value), expected);
};

export const isRecord = (value: unknown): value is Raw =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** An object whose keys are all list indexes: how PHP encodes a list with gaps. */
function indexKeyedValues(value: Raw): unknown[] | undefined {
  const keys = Object.keys(value);
  if (!keys.every((key) => /^\d+$/.test(key))) return undefined;
  return keys.sort((a, b) => Number(a) - Number(b)).map((key) => value[key]);
}

/** A list: an array, an index-keyed object, or one bare value; nothing (null, "", {}) is empty. */
export function readList(value: unknown, field: string): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null || value === "") return [];
  if (isRecord(value)) {
    const values = indexKeyedValues(value);
    if (values) return values;
    return fail(field, value, "a list");
  }
  if (typeof value === "string" || typeof value === "number") return [value];
  return fail(field, value, "a list");
}

/** Text: a string or a number; nothing (null, undefined) is "". */
export function readText(value: unknown, field: string): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return fail(field, value, "text");
}

/** A list of texts (codes, names, ids). */
export function readTexts(value: unknown, field: string): string[] {
  return readList(value, field).map((item, i) => readText(item, `${field}[${i}]`));
}

/** A number, or a number written as text. */
export function readNumber(value: unknown, field: string): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
    return Number(value);
  return fail(field, value, "a number");
}

/** A number, or `fallback` when Affise sends nothing (null, "", absent). */
export function readOptionalNumber(value: unknown, field: string, fallback: number): number {
  if (value === undefined || value === null || value === "") return fallback;
  return readNumber(value, field);
}

/** A 0/1 flag: true/false, 0/1, "0"/"1", "true"/"false"; nothing is false. */
export function readFlag(value: unknown, field: string): boolean {
  if (value === undefined || value === null || value === "") return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "string" && /^(0|1|true|false)$/i.test(value.trim()))
    return /^(1|true)$/i.test(value.trim());
  return fail(field, value, "true/false or 0/1");
}

/** An id: a number or text, or an object carrying one (`{id, title}`). */
export function readId(value: unknown, field: string): string {
  if (isRecord(value) && (typeof value.id === "string" || typeof value.id === "number"))
    return String(value.id);
  if (typeof value === "string" || typeof value === "number") return String(value);
  return fail(field, value, "an id");
}

/** Texts per language; Affise sends `[]` or null for none, and "" for a language left blank. */
export function readLanguageTexts(value: unknown, field: string): Record<string, string> {
  if (value === undefined || value === null || value === "") return {};
  if (Array.isArray(value)) {
    if (value.length === 0) return {};
    return fail(field, value, "texts per language");
  }
  if (!isRecord(value)) return fail(field, value, "texts per language");
  const texts: Record<string, string> = {};
  for (const [language, text] of Object.entries(value))
    texts[language] = readText(text, `${field}.${language}`);
  return texts;
}

/** `{allow, deny}` lists; a bare list is what is allowed. */
export function readAllowDeny(
  value: unknown,
  field: string,
): { allow: unknown[]; deny: unknown[] } {
  if (value === undefined || value === null || value === "") return { allow: [], deny: [] };
  if (Array.isArray(value)) return { allow: value, deny: [] };
  if (isRecord(value) && ("allow" in value || "deny" in value)) {
    return {
      allow: readList(value.allow, `${field}.allow`),
      deny: readList(value.deny, `${field}.deny`),
    };
  }
  const values = isRecord(value) ? indexKeyedValues(value) : undefined;
  if (values) return { allow: values, deny: [] };
  return fail(field, value, "a list or {allow, deny}");
}

/** Each item of a list Affise sent, read by `read` with its own path. */
export function readItems<T>(
  value: unknown,
  field: string,
  read: (item: unknown, path: string) => T,
): T[] {
  return readList(value, field).map((item, i) => read(item, `${field}[${i}]`));
}

/** A mapping, or a ReadShapeError naming what was expected. */
export function asRecord(value: unknown, field: string, expected: string): Raw {
  if (isRecord(value)) return value;
  throw new ReadShapeError(field, shapeOf(value), expected);
}
