/**
 * Offers kept as files: every `*.yaml` / `*.yml` under a folder declares one offer. The whole folder
 * is validated at once — YAML syntax, resource names, and each offer with the provider's own
 * `check` — so a reviewer sees every problem together, each with its file, line and field path.
 *
 * Needs no Pulumi and no network: `npm run validate` runs this before a preview does.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type YAMLError,
} from "yaml";
import { z } from "zod";
import { checkOffer, INTERNAL_INPUTS } from "./check";
import { offerSchema } from "./schema";
import type { OfferArgs } from "./types";

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
  return loadOfferFileList(findOfferFiles(dir));
}

/** Validates these offer files together, as `loadOfferFiles` does a folder's. */
export function loadOfferFileList(files: string[]): LoadedOfferFiles {
  const loaded = files.map((file) => ({ file, ...loadOfferFile(file) }));
  // Names are compared across every file that has one, valid or not: one run shows every problem.
  const duplicates = duplicateNames(loaded);
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

/** `offers/foo.yaml:12 payments[1].currency: must be ...` */
export function formatOfferFileError(error: OfferFileError): string {
  const where = error.line === undefined ? error.file : `${error.file}:${error.line}`;
  return error.path ? `${where} ${error.path}: ${error.message}` : `${where}: ${error.message}`;
}

interface LoadedOfferFile {
  offer?: OfferFile;
  /** The resource name, when the file gives a valid one (even if the offer has problems). */
  name?: string;
  /** Line of an explicit `name:` key, to point at when another file claims the same name. */
  nameLine?: number;
  errors: OfferFileError[];
}

function loadOfferFile(file: string): LoadedOfferFile {
  const fail = (message: string) => ({ errors: [{ file, path: "", message }] });
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    return fail(`cannot be read: ${(error as Error).message}`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? undefined : lines.linePos(offset).line;

  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((error) => ({
        file,
        path: "",
        line: lineAt(error.pos[0]),
        message: describeYamlError(error, text),
      })),
    };
  }
  if (!isMap(doc.contents)) {
    const shape = doc.contents === null ? "is empty" : "is not a mapping of offer fields";
    return fail(`${shape}; an offer file holds one offer: title, advertiser, url, payments…`);
  }
  let value: Record<string, unknown>;
  try {
    value = doc.toJS() as Record<string, unknown>;
  } catch (error) {
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

/** Every offer file under `dir`, in a stable order; hidden files and folders are skipped. */
function findOfferFiles(dir: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (relative: string) => {
    const absolute = path.join(dir, relative);
    const real = fs.realpathSync(absolute);
    if (seen.has(real)) return;
    seen.add(real);
    for (const entry of fs.readdirSync(absolute).sort()) {
      if (entry.startsWith(".")) continue;
      const child = path.join(relative, entry);
      const stats = fs.statSync(path.join(dir, child), { throwIfNoEntry: false });
      if (stats?.isDirectory()) walk(child);
      else if (stats?.isFile() && /\.ya?ml$/i.test(entry)) found.push(path.join(dir, child));
    }
  };
  walk("");
  return found;
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
      return `YAML syntax: ${error.message}`;
  }
}

function keyAt(text: string, offset: number): string {
  const key = /^[^:\n]*/.exec(text.slice(offset))?.[0].trim();
  return key ? `"${key}"` : "a key";
}

/** `payments[1].currency` → ["payments", 1, "currency"]; `(offer)` → []. */
function parsePropertyPath(property: string): (string | number)[] {
  if (property === "(offer)") return [];
  return [...property.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map(([, index, key]) =>
    index === undefined ? key : Number(index),
  );
}

/**
 * Where a field is written: the key for a mapping entry, the item for a list entry. A field that is
 * missing is placed at the nearest enclosing one that is written.
 */
function nodeOffset(doc: Document, segments: (string | number)[]): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const segment of segments) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === `${segment}`);
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number" && segment < node.items.length) {
      node = node.items[segment];
      offset = rangeStart(node) ?? offset;
    } else {
      break;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0];
}
