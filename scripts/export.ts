#!/usr/bin/env node
/**
 * `affise-export-offers` (in this repository, `npm run export --`): writes one offer file per
 * offer of an Affise account, each with `adoptId`, so `pulumi up` takes the offers over instead
 * of creating them. Reads the account from AFFISE_API_URL / AFFISE_API_KEY (or --api-url).
 */
import { AffiseClient, ALL_STATUSES, type OfferStatus } from "../provider/affise/client";
import { resolveConnection } from "../provider/affise/connection";
import { exportOffers, type ExportSummary } from "./export/export-offers";
import { duration, Progress } from "./export/progress";

interface Options {
  outDir: string;
  statuses?: OfferStatus[];
  ids?: string[];
  force: boolean;
  apiUrl?: string;
}

function command(): string {
  const inRepository =
    process.env.npm_package_name === "pulumi-affise" &&
    process.env.npm_lifecycle_event === "export";
  return inRepository ? "npm run export --" : "affise-export-offers";
}

function usage(): string {
  return `Usage: ${command()} [--status active,stopped] [--ids 1,2] [--out offers] [--force] [--api-url <url>]

  --status   only offers in these statuses (default: active, stopped and suspended)
  --ids      only these Affise offer ids
  --out      the folder to write to (default: offers); created if missing
  --force    rewrite the files of offers the folder already has (default: skip them)
  --api-url  the Affise API (default: AFFISE_API_URL); the key is read from AFFISE_API_KEY
`;
}

function parseArgs(argv: string[]): Options | string {
  const options: Options = { outDir: "offers", force: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/) : [arg];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case "--force":
        options.force = true;
        break;
      case "--out": {
        const out = value();
        if (!out) return "--out needs a folder";
        options.outDir = out;
        break;
      }
      case "--api-url": {
        const url = value();
        if (!url) return "--api-url needs a URL";
        options.apiUrl = url;
        break;
      }
      case "--status": {
        const statuses = list(value());
        const wrong = statuses.find((s) => !(ALL_STATUSES as string[]).includes(s));
        if (statuses.length === 0 || wrong !== undefined)
          return `--status takes ${ALL_STATUSES.join(", ")} (got ${JSON.stringify(wrong ?? "")})`;
        options.statuses = statuses as OfferStatus[];
        break;
      }
      case "--ids": {
        const ids = list(value());
        const wrong = ids.find((id) => !/^\d+$/.test(id));
        if (ids.length === 0 || wrong !== undefined)
          return `--ids takes integer offer ids separated by commas (got ${JSON.stringify(wrong ?? "")})`;
        options.ids = ids;
        break;
      }
      default:
        return `unknown argument ${arg}`;
    }
  }
  return options;
}

const list = (text: string | undefined) =>
  (text ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(usage());
    return 0;
  }
  const options = parseArgs(argv);
  if (typeof options === "string") {
    process.stderr.write(`${command()}: ${options}\n\n${usage()}`);
    return 2;
  }
  let client: AffiseClient;
  try {
    client = new AffiseClient(resolveConnection({ apiUrl: options.apiUrl }));
  } catch (error) {
    process.stderr.write(`${command()}: ${(error as Error).message}\n`);
    return 2;
  }
  const progress = new Progress({
    write: (text) => process.stderr.write(text),
    inPlace: process.stderr.isTTY === true,
  });
  let summary: ExportSummary;
  try {
    summary = await exportOffers(client, { ...options, progress });
  } catch (error) {
    progress.finish();
    process.stderr.write(`${command()}: listing offers failed: ${(error as Error).message}\n`);
    process.stderr.write("Files written so far are kept; run the same command again to resume.\n");
    return 1;
  }
  process.stdout.write(summaryText(summary, options.outDir, progress.elapsedMs()));
  const problems = summary.failed.length + summary.invalid.length + summary.folderProblems.length;
  return problems > 0 ? 1 : 0;
}

function summaryText(summary: ExportSummary, outDir: string, elapsedMs: number): string {
  const lines = [
    `${summary.listed} offers listed, ${summary.written.length} written to ${outDir}, ` +
      `${summary.skipped.length} skipped (already in ${outDir}), ${summary.failed.length} failed, ` +
      `in ${duration(elapsedMs / 1000)}.`,
  ];
  if (summary.skipped.length > 0) {
    const shown = summary.skipped.slice(0, 10).map((s) => `${s.id} (${s.file})`);
    const more = summary.skipped.length > 10 ? `, and ${summary.skipped.length - 10} more` : "";
    lines.push(`Skipped: ${shown.join(", ")}${more}; --force rewrites them.`);
  }
  for (const failure of summary.failed)
    lines.push(`Offer ${failure.id} not exported: ${failure.message}`);
  for (const offer of summary.invalid)
    lines.push(
      `${offer.file}: Affise holds values pulumi-affise refuses (${offer.problems.join("; ")}); ` +
        "fix the file (or the offer in Affise) before pulumi up",
    );
  if (summary.folderProblems.length > 0) {
    lines.push(`npm run validate finds ${summary.folderProblems.length} problem(s) in ${outDir}:`);
    lines.push(...summary.folderProblems.slice(0, 20).map((problem) => `  ${problem}`));
  }
  if (summary.totalCount !== undefined && summary.listed < summary.totalCount)
    lines.push(
      `Affise counted ${summary.totalCount} offers but listed ${summary.listed}: offers changed ` +
        "during the export; run it again to pick up the rest.",
    );
  if (summary.written.length > 0)
    lines.push(
      `Next: npm run validate ${outDir}, then pulumi preview (every offer: create, adopting).`,
    );
  return `${lines.join("\n")}\n`;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
