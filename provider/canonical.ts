/**
 * The canonical forms `check` writes and `diff` compares: lists of codes and ids as sorted sets,
 * lists of items sorted by content, and one JSON text per value for equality.
 */
import { containsUnknown } from "./unknowns";

type Raw = Record<string, unknown>;

/**
 * JSON with keys sorted at every level and `id` left out: equal for equal content. Written out
 * by hand because check and diff call it for every item of every offer (a replacer function made
 * JSON.stringify several times slower).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) {
    let text = "[";
    for (let i = 0; i < value.length; i++) text += (i > 0 ? "," : "") + canonicalJson(value[i]);
    return `${text}]`;
  }
  const object = value as Raw;
  const keys = Object.keys(object).sort();
  let text = "{";
  for (const key of keys) {
    const item = object[key];
    if (key === "id" || item === undefined) continue;
    text += `${text.length > 1 ? "," : ""}${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${text}}`;
}

/**
 * Whether two values have the same canonical JSON, found without writing it: a no-op preview
 * compares every field of every offer, and nearly all of them are equal.
 */
export function sameCanonical(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") {
    return canonicalJson(a) === canonicalJson(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const list = b as unknown[];
    if (a.length !== list.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameCanonical(a[i], list[i])) return false;
    return true;
  }
  return sameEntries(a as Raw, b as Raw) && sameEntries(b as Raw, a as Raw);
}

/** Every compared entry of `a` (ids and undefined aside) is in `b` with the same value. */
function sameEntries(a: Raw, b: Raw): boolean {
  for (const key in a) {
    if (key === "id" || a[key] === undefined) continue;
    if (b[key] === undefined || !sameCanonical(a[key], b[key])) return false;
  }
  return true;
}

/** Lists whose order means nothing to Affise are sorted by content, ids left out. */
export function sortCanonically<T extends object>(items: T[]): T[] {
  if (items.length < 2 || items.some(containsUnknown)) return items;
  return items
    .map((item) => ({ item, key: canonicalJson(item) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ item }) => item);
}

export function textSet(
  value: unknown,
  canonical: (text: string) => string = (t) => t.trim(),
): string[] {
  if (value === undefined || value === null) return [];
  if (containsUnknown(value)) return value as string[];
  return [...new Set((value as unknown[]).map((v) => canonical(String(v))))].sort();
}

export const upperCaseSet = (value: unknown) => textSet(value, (c) => c.toUpperCase());
export const lowerCaseSet = (value: unknown) => textSet(value, (c) => c.toLowerCase());

export function numberSet(value: unknown): number[] {
  if (value === undefined || value === null) return [];
  if (containsUnknown(value)) return value as number[];
  return [...new Set((value as unknown[]).map(Number))].sort((a, b) => a - b);
}
