/**
 * Reading one offer file's YAML without surprises: the bytes must be UTF-8 (a Latin-1 file would
 * silently become "Caf� Cr�me"), merge keys (`<<: *base`) are supported, a number too long to keep
 * exactly (an unquoted 24-digit advertiser, a 20-digit id) is refused with a hint to quote it, and
 * a file nested deeper than the reader can follow is said to be so. Also: where a field is written.
 */
import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
} from "yaml";

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** The file's text, or why it is not UTF-8 text. */
export function decodeOfferFile(
  bytes: Uint8Array,
): { text: string } | { problem: string; line: number } {
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    const at = firstInvalidByte(bytes);
    return {
      line: bytes.subarray(0, at).filter((byte) => byte === 0x0a).length + 1,
      problem:
        `is not UTF-8 text (byte ${at + 1} is 0x${bytes[at].toString(16).padStart(2, "0")}, as in ` +
        "Latin-1 or Windows-1252); save it as UTF-8",
    };
  }
}

export function parseOfferYaml(text: string, lineCounter: LineCounter): Document {
  return parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true });
}

/** True for the error a too deeply nested file causes in the reader (or in anything recursive). */
export function isTooDeep(error: unknown): boolean {
  return error instanceof RangeError || /call stack size/i.test(String((error as Error)?.message));
}

export const TOO_DEEP = "is nested too deeply to read; an offer is at most a few levels deep";

export interface ImpreciseNumber {
  path: (string | number)[];
  offset: number;
  written: string;
}

/** Plain (unquoted) whole numbers JavaScript cannot hold exactly: they would change silently. */
export function impreciseNumbers(doc: Document, text: string): ImpreciseNumber[] {
  const found: ImpreciseNumber[] = [];
  visit(doc, {
    Scalar(key, node, ancestors) {
      if (key === "key" || node.type !== "PLAIN" || typeof node.value !== "number") return;
      const [start, end] = node.range ?? [0, 0];
      const written = text.slice(start, end).trim();
      if (/^[-+]?\d+$/.test(written) && !Number.isSafeInteger(Number(written))) {
        found.push({ path: pathOf([...ancestors, node]), offset: start, written });
      }
    },
  });
  return found;
}

export function impreciseNumberMessage(number: ImpreciseNumber): string {
  return (
    `is a ${number.written.replace(/^[-+]/, "").length}-digit number, too long to be kept exactly ` +
    `(it would become ${Number(number.written)}); write it in quotes, "${number.written}"`
  );
}

function pathOf(ancestors: readonly unknown[]): (string | number)[] {
  const path: (string | number)[] = [];
  ancestors.forEach((node, i) => {
    const next = ancestors[i + 1];
    if (isPair(node) && isScalar(node.key)) path.push(String(node.key.value));
    if (isSeq(node) && next !== undefined) path.push(node.items.indexOf(next as never));
  });
  return path;
}

/** Where UTF-8 decoding fails (a byte no UTF-8 character starts or continues with). */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b <= 0xf4 ? 4 : 0;
    if (length === 0 || b === 0xf5) return i;
    for (let j = 1; j < length; j++) if ((bytes[i + j] & 0xc0) !== 0x80) return i;
    i += length;
  }
  return 0;
}

/** `payments[1].currency` → ["payments", 1, "currency"]; `(offer)` → []. */
export function parsePropertyPath(property: string): (string | number)[] {
  if (property === "(offer)") return [];
  return [...property.matchAll(/\[("(?:[^"\\]|\\.)*")\]|\[(\d+)\]|([^.[\]]+)/g)].map(
    ([, quoted, index, key]) =>
      quoted !== undefined
        ? (JSON.parse(quoted) as string)
        : index === undefined
          ? key
          : Number(index),
  );
}

/**
 * Where a field is written: the key for a mapping entry, the item for a list entry. A field that is
 * missing is placed at the nearest enclosing one that is written.
 */
export function nodeOffset(doc: Document, segments: (string | number)[]): number | undefined {
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
