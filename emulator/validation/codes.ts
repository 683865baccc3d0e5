import { findAdvertiser } from "../reference/advertisers";
import { DEVICES, OSES } from "../reference/catalog";
import { findCity } from "../reference/cities";
import { COUNTRIES } from "../reference/countries";
import { findCurrency } from "../reference/currencies";
import type { Issues } from "./issues";
import { readInteger, readStringList } from "./values";

const COUNTRY_CODES = new Set(COUNTRIES.map((country) => country.code));
const HEX_ID = /^[0-9a-f]{24}$/;

// Codes are accepted in either case and kept as sent; the tenant's read-back case is applied on read.
export function readCountryCodes(
  value: unknown,
  path: string,
  issues: Issues,
): string[] | undefined {
  const entries = readStringList(value, path, issues);
  if (entries === undefined) return undefined;
  const codes: string[] = [];
  for (const entry of entries) {
    const code = entry.value.trim();
    if (COUNTRY_CODES.has(code.toUpperCase())) codes.push(code);
    else
      issues.add(entry.path, `unknown country code '${entry.value}' (ISO 3166-1 alpha-2 expected)`);
  }
  return codes;
}

export function readCurrency(value: unknown, path: string, issues: Issues): string | undefined {
  if (typeof value !== "string" || value.trim() === "") {
    issues.add(path, "is required (an ECB currency code such as USD)");
    return undefined;
  }
  const currency = findCurrency(value.trim());
  if (!currency) {
    issues.add(path, `unknown currency '${value}'`);
    return undefined;
  }
  if (!currency.active) {
    issues.add(path, `currency '${currency.code}' is not active on this tenant`);
    return undefined;
  }
  return value.trim();
}

export function readDevices(value: unknown, path: string, issues: Issues): string[] | undefined {
  return readFromList(value, path, issues, DEVICES, "device");
}

export function readOses(value: unknown, path: string, issues: Issues): string[] | undefined {
  return readFromList(value, path, issues, OSES, "OS", { allowScalar: true });
}

export function readCities(value: unknown, path: string, issues: Issues): number[] | undefined {
  const entries = readStringList(value, path, issues);
  if (entries === undefined) return undefined;
  const ids: number[] = [];
  for (const entry of entries) {
    const id = readInteger(entry.value, entry.path, issues, { min: 1 });
    if (id === undefined) continue;
    if (findCity(id)) ids.push(id);
    else issues.add(entry.path, `unknown city id ${id}`);
  }
  return ids;
}

export function readAdvertiser(value: unknown, path: string, issues: Issues): string | undefined {
  if (typeof value !== "string" || !HEX_ID.test(value)) {
    issues.add(
      path,
      `must be a 24-character hex advertiser id (got ${JSON.stringify(value ?? null)})`,
    );
    return undefined;
  }
  if (!findAdvertiser(value)) {
    issues.add(path, `unknown advertiser '${value}'`);
    return undefined;
  }
  return value;
}

function readFromList(
  value: unknown,
  path: string,
  issues: Issues,
  allowed: readonly string[],
  noun: string,
  options: { allowScalar?: boolean } = {},
): string[] | undefined {
  const entries = readStringList(value, path, issues, options);
  if (entries === undefined) return undefined;
  const accepted: string[] = [];
  for (const entry of entries) {
    if (allowed.includes(entry.value)) accepted.push(entry.value);
    else
      issues.add(entry.path, `unknown ${noun} '${entry.value}' (allowed: ${allowed.join(", ")})`);
  }
  return accepted;
}
