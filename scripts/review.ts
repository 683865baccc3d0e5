#!/usr/bin/env node
/**
 * `npm run review -- --preview preview.json`: turns `pulumi preview --json` into the Markdown
 * comment a partner manager reads on the pull request. Exit code 1 when a mandatory guardrail is
 * broken (so CI can stop the merge), 2 on wrong usage or unreadable input.
 */
import * as fs from "fs";
import { loadOfferFiles } from "../program/offers/offer-files";
import { guardrailSettings } from "../review/guardrail-config";
import { parsePreviewJson } from "../review/preview-json";
import { reviewPreview } from "../review/review-offers";

const USAGE = `Usage: affise-review [--preview <file>|-] [--offers <folder>] [--policy-config <file>] [--out <file>]
  --preview        what \`pulumi preview --json\` printed (default: standard input)
  --offers         the offers folder, to name each offer's file (default: offers, if it exists)
  --policy-config  the policy pack's config (the file given to --policy-pack-config)
  --out            write the Markdown there instead of standard output
`;

interface Args {
  preview: string;
  offers?: string;
  policyConfig?: string;
  out?: string;
}

function parseArgs(argv: string[]): Args | "help" {
  const args: Args = { preview: "-" };
  const flags: Record<string, keyof Args> = {
    "--preview": "preview",
    "--offers": "offers",
    "--policy-config": "policyConfig",
    "--out": "out",
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--help" || argv[i] === "-h") return "help";
    const key = flags[argv[i]];
    const value = argv[i + 1];
    if (!key || value === undefined || (value.startsWith("--") && value !== "-")) {
      throw new UsageError(`unexpected argument ${JSON.stringify(argv[i])}`);
    }
    args[key] = value;
    i++;
  }
  return args;
}

class UsageError extends Error {}

function main(argv: string[]): number {
  let args: Args | "help";
  try {
    args = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`affise-review: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args === "help") {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    const preview = parsePreviewJson(read(args.preview));
    const settings = guardrailSettings(
      args.policyConfig ? JSON.parse(read(args.policyConfig)) : undefined,
    );
    const review = reviewPreview(preview, settings, { files: offerFiles(args.offers) });
    if (args.out) fs.writeFileSync(args.out, review.markdown);
    else process.stdout.write(review.markdown);
    const mandatory = review.violations.filter((v) => v.level === "mandatory").length;
    if (mandatory > 0) {
      process.stderr.write(`affise-review: ${mandatory} mandatory guardrail violation(s)\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    process.stderr.write(`affise-review: ${(error as Error).message}\n`);
    return 2;
  }
}

function read(file: string): string {
  if (file === "-") return fs.readFileSync(0, "utf8");
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    throw new Error(`cannot read ${file}`);
  }
}

/** Resource name → offer file; the review still works without the folder. */
function offerFiles(dir: string | undefined): Map<string, string> {
  const folder = dir ?? "offers";
  if (!fs.existsSync(folder)) return new Map();
  return new Map(loadOfferFiles(folder).offers.map((offer) => [offer.name, offer.file]));
}

process.exitCode = main(process.argv.slice(2));
