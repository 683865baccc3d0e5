/**
 * `check`: validate declared inputs with no network, then normalise them. Every failure names the
 * property path as a user writes it (`payments[1].currency`) and what is allowed.
 */
import type { z } from "zod";
import { normalizeOffer, normalizePartnerPayment, normalizePayment, paymentKey } from "./normalize";
import { offerSchema, partnerPaymentSchema, paymentSchema } from "./schema";
import type { CheckedOffer } from "./types";
import { containsUnknown, isUnknownAt } from "./unknowns";

export interface CheckFailure {
  property: string;
  reason: string;
}

export interface CheckOutcome {
  inputs: CheckedOffer;
  failures: CheckFailure[];
}

/** Inputs the `Offer` resource adds itself; not part of what a user declares. */
export const INTERNAL_INPUTS = ["__provider", "resourceName"] as const;

export function checkOffer(news: Record<string, unknown>): CheckOutcome {
  const declared = withoutInternalInputs(news);
  const parsed = offerSchema.safeParse(declared);
  const failures = parsed.success
    ? []
    : parsed.error.issues
        .filter((issue) => !isUnknownAt(declared, issue.path))
        .flatMap((issue) => describeIssue(issue, declared));
  if (failures.length > 0) {
    // Twins are still worth reporting in a payment list whose every item is well formed.
    const listsWithIssues = new Set(parsed.error?.issues.map((issue) => issue.path[0]));
    return {
      inputs: news as unknown as CheckedOffer,
      failures: [...failures, ...duplicatePayments(declared, listsWithIssues)],
    };
  }

  const inputs = normalizeOffer({ ...declared, resourceName: news.resourceName });
  const anyDuplicate = [inputs.payments, inputs.partnerPayments].some(hasAdjacentTwins);
  return { inputs, failures: anyDuplicate ? duplicatePayments(declared) : [] };
}

export function withoutInternalInputs(news: Record<string, unknown>): Record<string, unknown> {
  const declared = { ...news };
  for (const key of INTERNAL_INPUTS) delete declared[key];
  return declared;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) =>
      typeof key === "number" ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`,
    )
    .join("");
}

function describeIssue(issue: z.core.$ZodIssue, declared: unknown): CheckFailure[] {
  if (issue.code === "unrecognized_keys") {
    const allowed = allowedKeysAt(issue.path);
    return issue.keys.map((key) => ({
      property: formatPath([...issue.path, key]),
      reason: `unknown field${suggestion(key, allowed)}; allowed fields: ${allowed.join(", ")}`,
    }));
  }
  const value = valueAt(declared, issue.path);
  if (value === undefined) {
    // A missing field: say so, and say what it takes unless that is only "must be <type>".
    const takes = issue.code === "invalid_type" ? "" : `; ${issue.message}`;
    return [{ property: formatPath(issue.path) || "(offer)", reason: `is required${takes}` }];
  }
  return [
    {
      property: formatPath(issue.path) || "(offer)",
      // A rejected key is still a key: never repeat it.
      reason:
        issue.path[0] === "apiKey"
          ? issue.message
          : `${issue.message} (got ${JSON.stringify(value)})`,
    },
  ];
}

/** Normalised payments are sorted, so twins sit side by side: a cheap test before the search. */
function hasAdjacentTwins(payments: unknown): boolean {
  if (!Array.isArray(payments) || containsUnknown(payments)) return false;
  const keys = payments.map(paymentKey);
  return keys.some((key, i) => i > 0 && key === keys[i - 1]);
}

/** Two identical payments are one payment declared twice: almost certainly a copy-paste slip. */
function duplicatePayments(
  declared: Record<string, unknown>,
  skip: ReadonlySet<PropertyKey> = new Set(),
): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const lists = [
    ["payments", normalizePayment],
    ["partnerPayments", normalizePartnerPayment],
  ] as const;
  for (const [listName, normalise] of lists) {
    const list = declared[listName];
    if (skip.has(listName) || !Array.isArray(list) || containsUnknown(list)) continue;
    const keys = list.map((raw) => paymentKey(normalise(raw)));
    keys.forEach((key, i) => {
      const first = keys.indexOf(key);
      if (first !== i) {
        failures.push({
          property: `${listName}[${i}]`,
          reason: `is the same payment as ${listName}[${first}]; declare each payment once`,
        });
      }
    });
  }
  return failures;
}

function allowedKeysAt(path: readonly PropertyKey[]): string[] {
  const schema =
    path.length === 0
      ? offerSchema
      : path[0] === "partnerPayments"
        ? partnerPaymentSchema
        : path[0] === "payments"
          ? paymentSchema
          : undefined;
  return schema && "shape" in schema ? Object.keys(schema.shape) : [];
}

function suggestion(key: string, allowed: string[]): string {
  if (key === "partners" && !allowed.includes(key)) {
    return " (a payment for specific affiliates belongs under partnerPayments)";
  }
  const camel = key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  if (camel !== key && allowed.includes(camel)) return ` (did you mean ${camel}?)`;
  const ranked = allowed
    .map((candidate) => ({
      candidate,
      distance: editDistance(key.toLowerCase(), candidate.toLowerCase()),
    }))
    .filter(({ distance }) => distance <= 2)
    .sort((a, b) => a.distance - b.distance);
  return ranked.length > 0 ? ` (did you mean ${ranked[0].candidate}?)` : "";
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
