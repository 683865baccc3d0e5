/**
 * An exported offer as the text of its offer file: a header saying where it came from, then the
 * offer's fields in the field table's order, defaults a reader would only skim past left out. Before a file
 * is written, its text is read back the way `npm run validate` reads it and must check to exactly
 * the inputs the reader produced from Affise.
 */
import { Document, isScalar, parse, visit } from "yaml";
import { type CheckFailure, checkOffer } from "../../provider/check";
import { canonicalJson } from "../../provider/canonical";
import { PAYMENT_FIELDS } from "../../provider/fields/payment";
import { FIELDS } from "../../provider/fields/table";
import type {
  CheckedCap,
  CheckedOffer,
  CheckedPayment,
  CheckedTargetingGroup,
} from "../../provider/types";
import type { ExportedOffer } from "./exported-offer";

/** The header line that carries the export time; the only line a re-export changes. */
export const EXPORT_TIME_PREFIX = "# Exported at ";

/** An offer file lists the fields in the field table's order; a payment, its partners first. */
const OFFER_ORDER = FIELDS.map(([name]) => name);
const PAYMENT_ORDER = ["partners", ...Object.keys(PAYMENT_FIELDS)];

type Raw = Record<string, unknown>;

export function offerFileText(exported: ExportedOffer, exportedAt: Date): string {
  const header = [
    `# Affise offer ${exported.id} (offer_id ${exported.offerId || "unknown"}), written by affise-export-offers.`,
    `${EXPORT_TIME_PREFIX}${exportedAt.toISOString()}`,
    "# adoptId: pulumi up takes this offer over instead of creating one.",
    ...wrapList("# Not managed by pulumi-affise, left as they are in Affise: ", exported.unmanaged),
  ];
  const doc = new Document(fileFields(exported.inputs));
  // Lists of codes and ids read best inline: countries: [AT, DE].
  visit(doc, {
    Seq(_, node) {
      if (node.items.every(isScalar)) node.flow = true;
    },
  });
  return `${header.join("\n")}\n${doc.toString({ lineWidth: 100, flowCollectionPadding: false })}`;
}

/** How a file's text differs from what it should declare. */
export interface RoundTripProblem {
  /** The file does not validate: Affise holds values `check` refuses (the user must decide). */
  invalid?: CheckFailure[];
  /** Inputs the file would declare differently from Affise: a file that must not be written. */
  differing?: string[];
}

/**
 * Undefined when `text`, read as the offer-file loader reads it and checked as `pulumi up` checks
 * it, declares exactly `expected`.
 */
export function roundTripProblem(
  text: string,
  expected: CheckedOffer,
): RoundTripProblem | undefined {
  const outcome = checkOffer(parse(text) as Raw);
  if (outcome.failures.length > 0) return { invalid: outcome.failures };
  const differing = Object.keys({ ...outcome.inputs, ...expected }).filter(
    (key) =>
      canonicalJson((outcome.inputs as unknown as Raw)[key] ?? null) !==
      canonicalJson((expected as unknown as Raw)[key] ?? null),
  );
  return differing.length === 0 ? undefined : { differing };
}

/** The file's fields: the checked inputs in a fixed order, defaults inside list items left out. */
export function fileFields(inputs: CheckedOffer): Raw {
  const offer = ordered(inputs as unknown as Raw, OFFER_ORDER);
  offer.payments = inputs.payments.map(paymentFields);
  if (inputs.partnerPayments.length > 0)
    offer.partnerPayments = inputs.partnerPayments.map(paymentFields);
  else delete offer.partnerPayments;
  if (inputs.caps) offer.caps = inputs.caps.map(capFields);
  if (inputs.landings)
    offer.landings = inputs.landings.map((landing) =>
      landing.type === "landing" ? without(landing, ["type"]) : { ...landing },
    );
  if (inputs.targeting) offer.targeting = inputs.targeting.map(targetingFields);
  return offer;
}

function paymentFields(payment: CheckedPayment): Raw {
  const fields = ordered(payment as unknown as Raw, PAYMENT_ORDER);
  for (const list of ["countries", "cities", "devices", "os"] as const)
    if (payment[list].length === 0) delete fields[list];
  if (!payment.countryExclude) delete fields.countryExclude;
  return fields;
}

function capFields(cap: CheckedCap): Raw {
  const fields: Raw = { ...cap };
  const scopes = [
    ["goalType", "goals"],
    ["affiliateType", "affiliates"],
    ["countryType", "countries"],
  ] as const;
  for (const [scope, list] of scopes) {
    // The scope a cap gets when none is written: exact when the list has items, else all.
    const implied = cap[list].length > 0 ? "exact" : "all";
    if (cap[scope] === implied) delete fields[scope];
    if (cap[list].length === 0) delete fields[list];
  }
  return fields;
}

function targetingFields(group: CheckedTargetingGroup): Raw {
  const fields: Raw = { ...group };
  if (group.name === "") delete fields.name;
  if (group.condition === "and") delete fields.condition;
  if (group.enabled) delete fields.enabled;
  const countries: Raw = {};
  if (group.countries.allow.length > 0) countries.allow = group.countries.allow;
  if (group.countries.deny.length > 0) countries.deny = group.countries.deny;
  if (Object.keys(countries).length > 0) fields.countries = countries;
  else delete fields.countries;
  for (const list of ["os", "devices", "connections"] as const)
    if (group[list].length === 0) delete fields[list];
  for (const flag of ["osDeny", "devicesDeny", "connectionsDeny"] as const)
    if (!group[flag]) delete fields[flag];
  return fields;
}

function ordered(value: Raw, order: string[]): Raw {
  const fields: Raw = {};
  for (const key of order) if (value[key] !== undefined) fields[key] = value[key];
  for (const key of Object.keys(value).sort())
    if (!(key in fields) && value[key] !== undefined) fields[key] = value[key];
  return fields;
}

function without(value: object, keys: string[]): Raw {
  const copy: Raw = { ...(value as Raw) };
  for (const key of keys) delete copy[key];
  return copy;
}

/** `prefix` and the names, as comment lines of at most about 100 characters. */
function wrapList(prefix: string, names: string[]): string[] {
  if (names.length === 0) return [];
  const lines: string[] = [];
  let line = prefix;
  names.forEach((name, i) => {
    const item = `${name}${i < names.length - 1 ? "," : "."}`;
    if (line.length + item.length > 100 && line !== prefix) {
      lines.push(line.trimEnd());
      line = "#   ";
    }
    line += `${item} `;
  });
  lines.push(line.trimEnd());
  return lines;
}
