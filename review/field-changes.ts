/** The offer fields other than payments, old → new, in words a reviewer can scan. */
import { UNKNOWN } from "../provider/unknowns";
import type { OfferInputs } from "./offer-changes";

/** Inputs that are plumbing, not part of the offer a reviewer approves. */
const NOT_SHOWN = new Set(["__provider", "resourceName", "payments", "partnerPayments"]);
const SECRET = "[secret]";
const LONGEST_VALUE = 160;

export interface FieldChange {
  field: string;
  before?: string;
  after?: string;
}

export function fieldChanges(before: OfferInputs = {}, after: OfferInputs = {}): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((field) => !NOT_SHOWN.has(field))
    .filter((field) => before[field] !== SECRET && after[field] !== SECRET)
    .filter((field) => canonical(before[field]) !== canonical(after[field]))
    .sort()
    .map((field) => ({ field, before: shown(before[field]), after: shown(after[field]) }));
}

/** What a preview cannot know yet (another resource's output, a new stack's marker). */
const NOT_KNOWN_YET = "(known after apply)";

function shown(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === UNKNOWN) return NOT_KNOWN_YET;
  const text = JSON.stringify(value, (_key, inner: unknown) =>
    inner === UNKNOWN ? NOT_KNOWN_YET : inner,
  );
  return text.length > LONGEST_VALUE ? `${text.slice(0, LONGEST_VALUE - 1)}…` : text;
}

/** Key order is not a change. */
function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, inner) =>
      inner && typeof inner === "object" && !Array.isArray(inner)
        ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
        : inner,
    ) ?? "undefined"
  );
}
