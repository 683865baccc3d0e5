/**
 * Canonical form of validated inputs. The engine's preview diff compares old and new *checked*
 * inputs, so everything that is the same offer to Affise must normalise to the same value here:
 * codes in one case, lists sorted and de-duplicated, numbers as numbers, defaults written out.
 * Each field's own form is in the field table; a value still unknown in a preview is kept as is.
 */
import { FIELDS } from "./fields/table";
import type { CheckedOffer } from "./types";
import { containsUnknown } from "./unknowns";

type Raw = Record<string, unknown>;

const CANONICAL = FIELDS.map(
  ([name, field]) =>
    [name, field.canonical, "default" in field ? field.default : undefined] as const,
);

/** `unknowns`: false when the caller knows no value is a preview's unknown (each is then not searched). */
export function normalizeOffer(declared: object, unknowns = true): CheckedOffer {
  const raw = declared as Raw;
  const offer: Raw = {};
  for (const [name, canonical, fallback] of CANONICAL) {
    const value = raw[name] ?? fallback;
    if (value === undefined || value === null) continue;
    offer[name] = unknowns && containsUnknown(value) ? value : canonical(value);
  }
  if (raw.resourceName !== undefined) offer.resourceName = String(raw.resourceName);
  if (raw.stackToken !== undefined) offer.stackToken = String(raw.stackToken);
  return offer as unknown as CheckedOffer;
}
