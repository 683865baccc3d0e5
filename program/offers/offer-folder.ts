/**
 * Finding the offer files under a folder. A link that leads nowhere (dangling, or in a loop) is an
 * error, never skipped: an offer file that silently drops out of the folder is an offer that the
 * next `pulumi up` deletes.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { OfferFileError } from "./offer-files";

export interface FoundOfferFiles {
  files: string[];
  errors: OfferFileError[];
}

const OFFER_FILE = /\.ya?ml$/i;

/** Every offer file under `dir`, in a stable order; hidden files and folders are skipped. */
export function findOfferFiles(dir: string): FoundOfferFiles {
  const files: string[] = [];
  const errors: OfferFileError[] = [];
  const seen = new Set<string>();
  const walk = (folder: string) => {
    const real = fs.realpathSync(folder);
    // A folder reached twice (a link to a parent) is read once.
    if (seen.has(real)) return;
    seen.add(real);
    let entries: string[];
    try {
      entries = fs.readdirSync(folder).sort();
    } catch (error) {
      errors.push({ file: folder, path: "", message: `cannot be read (${codeOf(error)})` });
      return;
    }
    for (const entry of entries) {
      if (entry.startsWith(".")) continue;
      const child = path.join(folder, entry);
      let stats: fs.Stats;
      try {
        stats = fs.statSync(child);
      } catch (error) {
        errors.push({ file: child, path: "", message: unreadableEntry(child, error) });
        continue;
      }
      if (stats.isDirectory()) walk(child);
      else if (stats.isFile() && OFFER_FILE.test(entry)) files.push(child);
    }
  };
  walk(dir);
  return { files, errors };
}

function unreadableEntry(entry: string, error: unknown): string {
  const code = codeOf(error);
  const isLink = fs.lstatSync(entry, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
  if (isLink && code === "ELOOP") {
    return "is a symbolic link in a loop (it leads back to itself); point it at a real file or folder, or remove it";
  }
  if (isLink && code === "ENOENT") {
    return (
      `is a symbolic link to ${fs.readlinkSync(entry)}, which does not exist; restore it or remove ` +
      "the link (skipping it would delete its offer on the next up)"
    );
  }
  return `cannot be read (${code})`;
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
