import type { Issues } from "./issues";

/** One element of a decoded list, with the index the client sent (for error paths). */
export interface ListEntry {
  index: number;
  value: unknown;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function readText(value: unknown, path: string, issues: Issues): string | undefined {
  if (typeof value === "string") return value;
  issues.add(path, "must be a string");
  return undefined;
}

export function readNonEmptyText(value: unknown, path: string, issues: Issues): string | undefined {
  if (value === undefined) {
    issues.add(path, "is required");
    return undefined;
  }
  const text = readText(value, path, issues);
  if (text === undefined) return undefined;
  if (text.trim() === "") {
    issues.add(path, "must not be empty");
    return undefined;
  }
  return text;
}

export function readEnum<T extends string>(
  value: unknown,
  allowed: readonly T[],
  path: string,
  issues: Issues,
): T | undefined {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) {
    return value as T;
  }
  issues.add(path, `must be one of ${allowed.join(", ")} (got ${describeValue(value)})`);
  return undefined;
}

/** Booleans travel as 0/1 on the wire. */
export function readFlag(value: unknown, path: string, issues: Issues): boolean | undefined {
  // Affise documents `payments[0][country_exclude][]=1`: a one-item list is the flag itself.
  if (Array.isArray(value) && value.length === 1) return readFlag(value[0], path, issues);
  if (value === "0") return false;
  if (value === "1") return true;
  issues.add(path, `must be 0 or 1 (got ${describeValue(value)})`);
  return undefined;
}

/** A non-negative decimal such as `100` or `0.5`. */
export function readAmount(value: unknown, path: string, issues: Issues): number | undefined {
  if (typeof value !== "string" || !/^-?\d+(\.\d+)?$/.test(value.trim())) {
    issues.add(path, `must be a number (got ${describeValue(value)})`);
    return undefined;
  }
  const amount = Number(value.trim());
  if (amount < 0) {
    issues.add(path, `must not be negative (got ${value})`);
    return undefined;
  }
  return amount;
}

export function readInteger(
  value: unknown,
  path: string,
  issues: Issues,
  range: { min?: number; max?: number } = {},
): number | undefined {
  if (typeof value !== "string" || !/^-?\d+$/.test(value.trim())) {
    issues.add(path, `must be an integer (got ${describeValue(value)})`);
    return undefined;
  }
  const number = Number(value.trim());
  if (range.min !== undefined && number < range.min) {
    issues.add(path, `must be at least ${range.min} (got ${number})`);
    return undefined;
  }
  if (range.max !== undefined && number > range.max) {
    issues.add(path, `must be at most ${range.max} (got ${number})`);
    return undefined;
  }
  return number;
}

/**
 * A list in any of the shapes PHP brackets produce: `a[]=`, `a[0]=`, sparse indices, or an
 * object keyed by integers. An empty string means "clear the list" (Affise's documented way).
 * A bare scalar is accepted only where Affise documents one (e.g. a payment's `os`).
 */
export function readList(
  value: unknown,
  path: string,
  issues: Issues,
  options: { allowScalar?: boolean } = {},
): ListEntry[] | undefined {
  if (value === "") return [];
  if (Array.isArray(value)) {
    const entries: ListEntry[] = [];
    value.forEach((element, index) => entries.push({ index, value: element }));
    return entries;
  }
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.every((key) => /^\d+$/.test(key))) {
      return keys
        .map((key) => ({ index: Number(key), value: value[key] }))
        .sort((a, b) => a.index - b.index);
    }
  }
  if (options.allowScalar && typeof value === "string") return [{ index: 0, value }];
  issues.add(path, `must be a list (got ${describeValue(value)})`);
  return undefined;
}

export function readStringList(
  value: unknown,
  path: string,
  issues: Issues,
  options: { allowScalar?: boolean } = {},
): Array<{ path: string; value: string }> | undefined {
  const entries = readList(value, path, issues, options);
  if (entries === undefined) return undefined;
  const strings: Array<{ path: string; value: string }> = [];
  for (const entry of entries) {
    const elementPath = `${path}[${entry.index}]`;
    const text = readText(entry.value, elementPath, issues);
    if (text !== undefined) strings.push({ path: elementPath, value: text });
  }
  return strings;
}

/** An object keyed by names, e.g. `description_lang[en]=…`. */
export function readMap(
  value: unknown,
  path: string,
  issues: Issues,
): Record<string, unknown> | undefined {
  if (isObject(value)) return value;
  issues.add(path, `must be a set of named fields (got ${describeValue(value)})`);
  return undefined;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return `'${value}'`;
  if (Array.isArray(value)) return "a list";
  return "a nested object";
}
