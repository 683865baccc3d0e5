/**
 * `check`: validate declared inputs with no network, then normalise them. Every failure names the
 * property path as a user writes it (`payments[1].currency`) and what is allowed.
 */
import type { z } from "zod";
import { paymentSlips } from "./fields/payment-rules";
import { INTERNAL_INPUTS } from "./fields/table";
import { normalizeOffer } from "./normalize";
import { offerSchema } from "./schema";
import type { CheckedOffer } from "./types";
import { isUnknown, isUnknownAt } from "./unknowns";

export interface CheckFailure {
  property: string;
  reason: string;
}

export interface CheckOutcome {
  inputs: CheckedOffer;
  failures: CheckFailure[];
}

export function checkOffer(news: object): CheckOutcome {
  const declared = withoutInternalInputs(news);
  const { tooDeep, unknowns } = walk(declared, MAX_NESTING);
  if (tooDeep) {
    const reason = `nests deeper than ${MAX_NESTING} levels; an offer is at most a few levels deep`;
    return {
      inputs: news as unknown as CheckedOffer,
      failures: [{ property: formatPath(tooDeep), reason }],
    };
  }
  const parsed = offerSchema.safeParse(declared);
  const failures = parsed.success
    ? []
    : onePerProperty(
        parsed.error.issues
          .filter((issue) => !isUnknownAt(declared, issue.path))
          .flatMap((issue) => describeIssue(issue, declared)),
      );
  if (failures.length > 0) {
    // Twins are still worth reporting in a payment list whose every item is well formed.
    const listsWithIssues = new Set(parsed.error?.issues.map((issue) => issue.path[0]));
    return {
      inputs: news as unknown as CheckedOffer,
      failures: [
        ...failures,
        ...paymentSlips(declared, { skip: listsWithIssues, moneyRules: false, unknowns }),
      ],
    };
  }

  const inputs = normalizeOffer({ ...declared, ...internalInputsOf(news) }, unknowns);
  return { inputs, failures: paymentSlips(declared, { moneyRules: true, unknowns }) };
}

/** Far more than any offer needs, far less than what would exhaust the stack. */
const MAX_NESTING = 32;

/**
 * One pass over the declared values, without recursion: the path to a value nested deeper than
 * `limit` (if any), and whether a preview's unknown value is anywhere in them.
 */
function walk(root: unknown, limit: number): { tooDeep?: PropertyKey[]; unknowns: boolean } {
  let unknowns = false;
  // Paths are written out only for the one value found: every other value costs no allocation.
  type Visit = { value: unknown; depth: number; key?: PropertyKey; parent?: Visit };
  const stack: Visit[] = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value, depth } = visit;
    if (value === null || typeof value !== "object") {
      unknowns ||= isUnknown(value);
      continue;
    }
    if (depth > limit) {
      const path: PropertyKey[] = [];
      for (let at: Visit | undefined = visit; at?.parent; at = at.parent) path.unshift(at.key!);
      return { tooDeep: path.slice(0, limit + 1), unknowns };
    }
    if (Array.isArray(value)) {
      value.forEach((child, i) =>
        stack.push({ value: child, depth: depth + 1, key: i, parent: visit }),
      );
    } else {
      for (const key in value) {
        const child = (value as Record<string, unknown>)[key];
        stack.push({ value: child, depth: depth + 1, key, parent: visit });
      }
    }
  }
  return { unknowns };
}

/** One failure per property, the first (zod may report a regex and a refinement for one value). */
function onePerProperty(failures: CheckFailure[]): CheckFailure[] {
  const seen = new Set<string>();
  return failures.filter(({ property }) => !seen.has(property) && seen.add(property) !== undefined);
}

/** What `Offer` handed in beside the declaration: the resource name and the stack's token. */
function internalInputsOf({
  resourceName,
  stackToken,
}: {
  resourceName?: unknown;
  stackToken?: unknown;
}) {
  return { resourceName, stackToken };
}

export function withoutInternalInputs(news: object): Record<string, unknown> {
  const declared: Record<string, unknown> = { ...news };
  for (const key of INTERNAL_INPUTS) delete declared[key];
  return declared;
}

/**
 * `payments[1].currency`. A key that is not a plain name (a space, a dot, a line break…) is
 * written quoted, `["to tal"]`, so a path can never break a line or pass for anything else.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => {
      if (typeof key === "number") return `[${key}]`;
      const name = String(key);
      if (!PLAIN_KEY.test(name)) return `[${JSON.stringify(name)}]`;
      return i === 0 ? name : `.${name}`;
    })
    .join("");
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

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
      // A rejected key is still a key, and a "URL" may be a key pasted in the wrong place.
      reason: CONNECTION_INPUTS.has(String(issue.path[0]))
        ? issue.message
        : `${issue.message}${hintFor(issue.path, value)} (got ${shown(value)})`,
    },
  ];
}

const CONNECTION_INPUTS = new Set(["apiUrl", "apiKey"]);

/** A value as the user wrote it, briefly: NaN and infinities by name, not as JSON's null. */
function shown(value: unknown): string {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  const json =
    JSON.stringify(value, (_key, v: unknown) =>
      typeof v === "number" && !Number.isFinite(v) ? String(v) : v,
    ) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

/** An advertiser id of digits only, written unquoted, is read as a number by YAML. */
function hintFor(path: readonly PropertyKey[], value: unknown): string {
  if (path.length === 1 && path[0] === "advertiser" && typeof value === "number") {
    return "; write it in quotes so it is read as text, not as a number";
  }
  return "";
}

/** The fields the schema allows at `path` (a mapping anywhere in the offer). */
function allowedKeysAt(path: readonly PropertyKey[]): string[] {
  let schema: z.core.$ZodType | undefined = offerSchema;
  for (const segment of path) {
    schema = unwrap(schema);
    const def = schema?._zod.def as
      | { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType }
      | undefined;
    if (def?.type === "object" && typeof segment === "string") schema = def.shape?.[segment];
    else if (def?.type === "array" && typeof segment === "number") schema = def.element;
    else return [];
  }
  const def = unwrap(schema)?._zod.def as { type: string; shape?: object } | undefined;
  return def?.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = schema;
  while (current) {
    const def = current._zod.def as { type: string; innerType?: z.core.$ZodType };
    if (!def.innerType) return current;
    current = def.innerType;
  }
  return current;
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
