/**
 * Offers kept as files: every `*.yaml` / `*.yml` under a folder declares one offer. The whole folder
 * is validated at once — YAML syntax, resource names, and each offer with the provider's own
 * `check` — so a reviewer sees every problem together, each with its file, line and field path.
 *
 * Needs no Pulumi and no network: `npm run validate` runs this before a preview does.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { isMap, LineCounter, type YAMLError } from "yaml";
import { z } from "zod";
import { checkOffer, formatPath } from "../../provider/check";
import { INTERNAL_INPUTS } from "../../provider/fields/table";
import { findOfferFiles } from "./offer-folder";
import {
  decodeOfferFile,
  impreciseNumberMessage,
  impreciseNumbers,
  isTooDeep,
  nodeOffset,
  parseOfferYaml,
  parsePropertyPath,
  TOO_DEEP,
} from "./offer-yaml";
import { offerSchema } from "../../provider/schema";
import type { OfferArgs } from "../../provider/types";

/** One offer file that passed validation. */
export interface OfferFile {
  /** The Pulumi resource name: the file name without extension, or the file's `name:` key. */
  name: string;
  /** The file, as `dir` was given joined with its path inside it (`offers/help-centre.yaml`). */
  file: string;
  /** The offer as written in the file, without `name`. */
  args: OfferArgs;
}

/** One problem, located as precisely as the YAML allows. */
export interface OfferFileError {
  file: string;
  /** Field path as in `check` (`payments[1].currency`); "" for a problem with the file itself. */
  path: string;
  /** 1-based line of the field, or of the nearest enclosing field that is written in the file. */
  line?: number;
  message: string;
}

export interface LoadedOfferFiles {
  offers: OfferFile[];
  errors: OfferFileError[];
}

const RESOURCE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const NAME_RULE = "must start with a letter or digit and hold only letters, digits, '.', '_', '-'";

/** The `name:` key an offer file may carry; not an offer field, so not in `offerSchema`. */
export const offerResourceNameSchema = z
  .string({ error: "must be text" })
  .regex(RESOURCE_NAME, { error: NAME_RULE })
  .max(100, { error: "must be at most 100 characters" })
  .describe(
    "The offer's Pulumi resource name. Default: the file name without .yaml. Changing it " +
      "replaces the offer, so set it to the old name when you rename a file.",
  );

/** An offer file: an offer plus an optional `name:`. The JSON Schema for editors comes from this. */
export const offerFileSchema = z
  .strictObject({ name: offerResourceNameSchema.optional(), ...offerSchema.shape })
  .describe("One Affise offer, declared in its own YAML file.");

export function loadOfferFiles(dir: string): LoadedOfferFiles {
  if (!isDirectory(dir)) {
    return {
      offers: [],
      errors: [{ file: dir, path: "", message: `no such folder (${path.resolve(dir)})` }],
    };
  }
  const found = findOfferFiles(dir);
  const loaded = loadOfferFileList(found.files);
  return { offers: loaded.offers, errors: [...found.errors, ...loaded.errors] };
}

/** Validates these offer files together, as `loadOfferFiles` does a folder's. */
export function loadOfferFileList(files: string[]): LoadedOfferFiles {
  const loaded = files.map((file) => ({ file, ...loadOfferFile(file) }));
  // Names are compared across every file that has one, valid or not: one run shows every problem.
  const duplicates = [...duplicateNames(loaded), ...sharedOffers(loaded)];
  const errors = [...loaded.flatMap((file) => file.errors), ...duplicates];
  return {
    offers: loaded.flatMap(({ offer }) =>
      offer && !duplicates.some((e) => e.file === offer.file) ? [offer] : [],
    ),
    // File by file, top to bottom, as a reviewer reads them.
    errors: errors.sort(
      (a, b) => files.indexOf(a.file) - files.indexOf(b.file) || (a.line ?? 0) - (b.line ?? 0),
    ),
  };
}

/**
 * `offers/foo.yaml:12 payments[1].currency: must be ...`, always one line: a line break in a file
 * name or a message is written as \n, so no file can start a line of its own (e.g. a forged
 * `::warning` for GitHub Actions, which reads workflow commands from stderr too).
 */
export function formatOfferFileError(error: OfferFileError): string {
  const file = oneLine(error.file);
  const where = error.line === undefined ? file : `${file}:${error.line}`;
  const message = oneLine(error.message);
  return error.path ? `${where} ${oneLine(error.path)}: ${message}` : `${where}: ${message}`;
}

function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- escaping control characters is the point
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => JSON.stringify(c).slice(1, -1));
}

interface LoadedOfferFile {
  offer?: OfferFile;
  /** The resource name, when the file gives a valid one (even if the offer has problems). */
  name?: string;
  /** Line of an explicit `name:` key, to point at when another file claims the same name. */
  nameLine?: number;
  /** Lines of the keys naming an Affise offer, to point at when another file names it too. */
  claimLines?: Partial<Record<"externalOfferId" | "adoptId", number>>;
  errors: OfferFileError[];
}

function loadOfferFile(file: string): LoadedOfferFile {
  const fail = (message: string) => ({ errors: [{ file, path: "", message }] });
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return fail(`cannot be read: ${(error as Error).message}`);
  }
  const decoded = decodeOfferFile(bytes);
  if ("problem" in decoded) {
    return { errors: [{ file, path: "", line: decoded.line, message: decoded.problem }] };
  }
  const text = decoded.text;
  const lines = new LineCounter();
  const doc = parseOfferYaml(text, lines);
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? undefined : lines.linePos(offset).line;

  if (doc.errors.length > 0) {
    const errors = doc.errors.map((error) => ({
      file,
      path: "",
      line: lineAt(error.pos[0]),
      message: describeYamlError(error, text),
    }));
    // How often the reader trips on a too-deep file depends on the stack it runs with: say it once.
    const tooDeep = errors.find((error) => error.message === TOO_DEEP);
    return { errors: tooDeep ? [tooDeep] : errors };
  }
  if (!isMap(doc.contents)) {
    const shape = doc.contents === null ? "is empty" : "is not a mapping of offer fields";
    return fail(`${shape}; an offer file holds one offer: title, advertiser, url, payments…`);
  }
  let value: Record<string, unknown>;
  try {
    const imprecise = impreciseNumbers(doc, text);
    if (imprecise.length > 0) {
      return {
        errors: imprecise.map((number) => ({
          file,
          path: formatPath(number.path),
          line: lineAt(number.offset),
          message: impreciseNumberMessage(number),
        })),
      };
    }
    value = doc.toJS() as Record<string, unknown>;
  } catch (error) {
    if (isTooDeep(error)) return fail(TOO_DEEP);
    // Aliases expanding past yaml's limit (a "billion laughs" file) land here.
    return fail(`YAML: ${(error as Error).message}`);
  }

  const { name: declaredName, ...declared } = value;
  const locate = (property: string) => lineAt(nodeOffset(doc, parsePropertyPath(property)));
  const errors: OfferFileError[] = INTERNAL_INPUTS.filter((key) => key in declared).map((key) => ({
    file,
    path: key,
    line: locate(key),
    message: "unknown field; the Offer resource sets it itself",
  }));
  for (const key of INTERNAL_INPUTS) delete declared[key];
  for (const { property, reason } of checkOffer(declared).failures) {
    errors.push({ file, path: property, line: locate(property), message: reason });
  }

  const baseName = path.basename(file).replace(/\.ya?ml$/i, "");
  const named = offerResourceNameSchema.safeParse(declaredName ?? baseName);
  if (!named.success) {
    errors.push(
      declaredName === undefined
        ? {
            file,
            path: "",
            message:
              `the file name gives the resource name "${baseName}", which ${NAME_RULE}; ` +
              "rename the file or set name:",
          }
        : {
            file,
            path: "name",
            line: locate("name"),
            message: `${named.error.issues[0].message} (got ${JSON.stringify(declaredName)})`,
          },
    );
  }
  if (!named.success) return { errors };
  const nameLine = declaredName === undefined ? undefined : locate("name");
  if (errors.length > 0) return { name: named.data, nameLine, errors };
  return {
    offer: { name: named.data, file, args: declared as unknown as OfferArgs },
    name: named.data,
    nameLine,
    claimLines: { externalOfferId: locate("externalOfferId"), adoptId: locate("adoptId") },
    errors,
  };
}

/** Pulumi needs one resource name per offer; two files claiming one name would fight over it. */
function duplicateNames(
  loaded: { file: string; name?: string; nameLine?: number }[],
): OfferFileError[] {
  const firstFile = new Map<string, string>();
  const errors: OfferFileError[] = [];
  for (const { file, name, nameLine } of loaded) {
    if (name === undefined) continue;
    const first = firstFile.get(name);
    if (first === undefined) {
      firstFile.set(name, file);
      continue;
    }
    errors.push({
      file,
      path: nameLine === undefined ? "" : "name",
      line: nameLine,
      message:
        `resource name "${name}" is already used by ${first}; ` +
        "give each offer its own name (rename the file or set name:)",
    });
  }
  return errors;
}

/**
 * Two files naming the same Affise offer (the same externalOfferId or adoptId) would fight over
 * it: each run, one overwrites the other's payouts. The second file is refused.
 */
function sharedOffers(named: Pick<LoadedOfferFile, "offer" | "claimLines">[]): OfferFileError[] {
  const errors: OfferFileError[] = [];
  for (const field of ["externalOfferId", "adoptId"] as const) {
    const firstFile = new Map<string, string>();
    for (const { offer, claimLines } of named) {
      if (!offer) continue;
      const value = offer.args[field];
      if (value === undefined || value === null) continue;
      const key = String(value).trim();
      const first = firstFile.get(key);
      if (first === undefined) {
        firstFile.set(key, offer.file);
        continue;
      }
      errors.push({
        file: offer.file,
        path: field,
        line: claimLines?.[field],
        message:
          `${JSON.stringify(value)} is already the ${field} of ${first}; two offers managing one ` +
          "Affise offer would overwrite each other, so keep it in one file",
      });
    }
  }
  return errors;
}

function isDirectory(dir: string): boolean {
  return fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function describeYamlError(error: YAMLError, text: string): string {
  switch (error.code) {
    case "DUPLICATE_KEY":
      return `${keyAt(text, error.pos[0])} is written twice in the same mapping; keep one`;
    case "MULTIPLE_DOCS":
      return "holds more than one YAML document (a second ---); declare one offer per file";
    default:
      return isTooDeep(error) ? TOO_DEEP : `YAML syntax: ${error.message}`;
  }
}

function keyAt(text: string, offset: number): string {
  const key = /^[^:\n]*/.exec(text.slice(offset))?.[0].trim();
  return key ? `"${key}"` : "a key";
}
