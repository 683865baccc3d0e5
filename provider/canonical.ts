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
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const object = value as Raw;
  const keys = Object.keys(object)
    .filter((key) => key !== "id" && object[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(",")}}`;
}

/** Lists whose order means nothing to Affise are sorted by content, ids left out. */
export function sortCanonically<T extends object>(items: T[]): T[] {
  if (items.some(containsUnknown)) return items;
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
