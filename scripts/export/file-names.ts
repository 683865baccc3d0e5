/**
 * Where each exported offer goes: `<slug of its title>.yaml`, de-duplicated with the offer's id,
 * and which offers a folder already holds (so an interrupted export resumes, and nothing is
 * overwritten without --force). The file name is the offer's Pulumi resource name.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const RESOURCE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_NAME = 80;

/** An offer file already in the folder that names an Affise offer. */
export interface ExistingFile {
  file: string;
  name: string;
}

/** `Summer Sale — DE/AT (50%)` → `summer-sale-de-at-50`. */
export function slug(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_NAME)
    .replace(/-+$/, "");
}

export class FileNames {
  private readonly taken = new Set<string>();
  /** Affise offer id → the file in the folder that declares it. */
  readonly existing = new Map<string, ExistingFile>();

  constructor(private readonly dir: string) {
    if (!fs.existsSync(dir)) return;
    for (const file of yamlFiles(dir)) {
      const name = path.basename(file).replace(/\.ya?ml$/i, "");
      this.taken.add(name.toLowerCase());
      const id = declaredOfferId(fs.readFileSync(file, "utf8"));
      if (id !== undefined && !this.existing.has(id)) this.existing.set(id, { file, name });
    }
  }

  /**
   * A free resource name for the offer: the name its marker carries (a re-export keeps the name
   * the stack knows it by), else the slug of its title; `-<id>` is added when that is taken.
   */
  claim(id: string, title: string, markedName?: string): ExistingFile {
    const preferred =
      markedName !== undefined && RESOURCE_NAME.test(markedName) && markedName.length <= 100
        ? markedName
        : slug(title) || `offer-${id}`;
    const candidates = [preferred, `${preferred}-${id}`, `offer-${id}`];
    let name = candidates.find((candidate) => !this.taken.has(candidate.toLowerCase()));
    for (let n = 2; name === undefined; n++) {
      const candidate = `offer-${id}-${n}`;
      if (!this.taken.has(candidate)) name = candidate;
    }
    this.taken.add(name.toLowerCase());
    return { file: path.join(this.dir, `${name}.yaml`), name };
  }
}

/** The Affise offer a file declares: its export header, else its `adoptId:` line. */
function declaredOfferId(text: string): string | undefined {
  const header = /^# Affise offer (\d+)\b/.exec(text);
  if (header) return header[1];
  const adopt = /^adoptId:\s*["']?(\d+)["']?\s*(#.*)?$/m.exec(text);
  return adopt?.[1];
}

function yamlFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...yamlFiles(full));
    else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) found.push(full);
  }
  return found.sort();
}
