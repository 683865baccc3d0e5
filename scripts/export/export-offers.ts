/**
 * Exports an Affise account's offers to offer files: lists them page by page (through the
 * provider's client, so throttled and retried like every other request), turns each into its
 * file with the provider's reader, and writes it atomically. Offers whose file the folder already
 * holds are skipped and reported, so an interrupted export is simply run again.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { AffiseClient, OfferStatus } from "../../provider/affise/client";
import { formatOfferFileError, loadOfferFiles } from "../../program/offers/offer-files";
import type { AffiseOffer } from "../../provider/affise/offer";
import { exportedOffer, markerName } from "./exported-offer";
import { FileNames } from "./file-names";
import { offerFileText, roundTripProblem } from "./offer-yaml";
import type { Progress } from "./progress";

export interface ExportOptions {
  outDir: string;
  statuses?: OfferStatus[];
  ids?: string[];
  /** Rewrite the files of offers the folder already holds. */
  force?: boolean;
  /** Offers per listing request (Affise allows up to 500). */
  pageSize?: number;
  /** Offers handled at once (only protected and private offers need a request of their own). */
  concurrency?: number;
  now?: () => Date;
  progress?: Progress;
}

export interface ExportedFile {
  id: string;
  file: string;
}

export interface ExportSummary {
  /** Offers Affise listed. */
  listed: number;
  written: ExportedFile[];
  /** Already in the folder, left as they are. */
  skipped: ExportedFile[];
  failed: { id: string; message: string }[];
  /** Written as Affise holds them, but refused by `check`: the user must decide (validate shows them). */
  invalid: (ExportedFile & { problems: string[] })[];
  /** Affise's total_count when the listing started, if it gave one. */
  totalCount?: number;
  /**
   * What `npm run validate` finds in the whole folder afterwards: problems no single file shows,
   * such as two offers sharing an external_offer_id in Affise.
   */
  folderProblems: string[];
}

export async function exportOffers(
  client: AffiseClient,
  options: ExportOptions,
): Promise<ExportSummary> {
  const names = new FileNames(options.outDir);
  const summary: ExportSummary = {
    listed: 0,
    written: [],
    skipped: [],
    failed: [],
    invalid: [],
    folderProblems: [],
  };
  const pageSize = options.pageSize ?? 100;
  const seen = new Set<string>();
  fs.mkdirSync(options.outDir, { recursive: true });
  for (let page: number | undefined = 1; page !== undefined;) {
    const answer = await client.listOffers({
      page,
      limit: pageSize,
      statuses: options.statuses,
      ids: options.ids,
    });
    if (page === 1) {
      summary.totalCount = answer.totalCount;
      options.progress?.setTotal(answer.totalCount);
    }
    // A page boundary can shift when offers are deleted meanwhile: never handle one twice.
    const fresh = answer.offers.filter((offer) => !seen.has(offer.id));
    fresh.forEach((offer) => seen.add(offer.id));
    summary.listed += fresh.length;
    const work = fresh.map((offer) => plan(offer, names, options));
    await inParallel(work, options.concurrency ?? 4, async (step) => {
      await carryOut(client, step, options, summary);
      options.progress?.tick();
    });
    page = nextPage(page, answer, seen.size, pageSize);
  }
  options.progress?.finish();
  summary.folderProblems = loadOfferFiles(options.outDir).errors.map(formatOfferFileError);
  return summary;
}

interface Step {
  offer: AffiseOffer;
  target: { file: string; name: string };
  skip: boolean;
}

/** Decided in listing order, before any request, so names are the same on every run. */
function plan(offer: AffiseOffer, names: FileNames, options: ExportOptions): Step {
  const existing = names.existing.get(offer.id);
  if (existing) return { offer, target: existing, skip: !options.force };
  const title = typeof offer.title === "string" ? offer.title : String(offer.title ?? "");
  return {
    offer,
    target: names.claim(offer.id, title, markerName(offer.external_offer_id)),
    skip: false,
  };
}

async function carryOut(
  client: AffiseClient,
  { offer, target, skip }: Step,
  options: ExportOptions,
  summary: ExportSummary,
): Promise<void> {
  if (skip) {
    summary.skipped.push({ id: offer.id, file: target.file });
    return;
  }
  try {
    const restricted = offer.privacy !== undefined && offer.privacy !== "public";
    const affiliates = restricted ? await client.getEnabledAffiliates(offer.id) : undefined;
    const now = (options.now ?? (() => new Date()))();
    const exported = exportedOffer(offer, affiliates, now);
    const text = offerFileText(exported, now);
    const problem = roundTripProblem(text, exported.inputs);
    if (problem?.differing) {
      throw new Error(
        `its file would declare ${problem.differing.join(", ")} differently from Affise, so it was not written`,
      );
    }
    writeAtomically(target.file, text);
    summary.written.push({ id: offer.id, file: target.file });
    if (problem?.invalid) {
      const problems = problem.invalid.map((f) => `${f.property}: ${f.reason}`);
      summary.invalid.push({ id: offer.id, file: target.file, problems });
    }
  } catch (error) {
    summary.failed.push({ id: offer.id, message: (error as Error).message });
  }
}

/**
 * Affise may leave `next_page` out (or null) on the last page, so it is not trusted alone: a
 * short page, or as many offers as total_count, ends the listing too.
 */
function nextPage(
  page: number,
  answer: { offers: unknown[]; nextPage?: number; totalCount?: number; perPage?: number },
  seen: number,
  pageSize: number,
): number | undefined {
  if (answer.offers.length === 0) return undefined;
  if (answer.totalCount !== undefined && seen >= answer.totalCount) return undefined;
  if (answer.offers.length < (answer.perPage ?? pageSize)) return undefined;
  return answer.nextPage !== undefined && answer.nextPage > page ? answer.nextPage : page + 1;
}

/** A half-written file is never left behind: the text goes to a hidden file, then is renamed. */
function writeAtomically(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, text, { flag: "w" });
  fs.renameSync(temporary, file);
}

async function inParallel<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
