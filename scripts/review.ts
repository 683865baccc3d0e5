#!/usr/bin/env node
/**
 * `npm run review -- --preview preview.json`: turns `pulumi preview --json` into the Markdown
 * comment a partner manager reads on the pull request. Exit code 1 when a mandatory guardrail is
 * broken (so CI can stop the merge), 2 on wrong usage or unreadable input.
 */
import * as fs from "fs";
import { loadOfferFiles } from "../program/offers/offer-files";
import { AffiseClient } from "../provider/affise/client";
import { resolveConnection } from "../provider/affise/connection";
import { readAdoptedOffers } from "../review/adopted-offers";
import { guardrailSettings } from "../review/guardrail-config";
import { offerChanges } from "../review/offer-changes";
import { type PreviewDigest, parsePreviewJson } from "../review/preview-json";
import { reviewChanges } from "../review/review-offers";

const USAGE = `Usage: affise-review [--preview <file>|-] [--offers <folder>] [--policy-config <file>] [--out <file>] [--read-affise]
  --preview        what \`pulumi preview --json\` printed (default: standard input)
  --offers         the offers folder, to name each offer's file (default: offers, if it exists)
  --policy-config  the policy pack's config (the file given to --policy-pack-config)
  --out            write the Markdown there instead of standard output
  --read-affise    read each offer being adopted (adoptId) from Affise, to show what adopting it
                   changes; the key is AFFISE_API_KEY, the account AFFISE_API_URL or else the
                   preview's affise:apiUrl. Only reads.
`;

interface Args {
  preview: string;
  offers?: string;
  policyConfig?: string;
  out?: string;
  readAffise?: boolean;
}

function parseArgs(argv: string[]): Args | "help" {
  const args: Args = { preview: "-" };
  const flags: Record<string, Exclude<keyof Args, "readAffise">> = {
    "--preview": "preview",
    "--offers": "offers",
    "--policy-config": "policyConfig",
    "--out": "out",
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--help" || argv[i] === "-h") return "help";
    if (argv[i] === "--read-affise") {
      args.readAffise = true;
      continue;
    }
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

async function main(argv: string[]): Promise<number> {
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
    const found = offerChanges(preview);
    const changes = args.readAffise ? await readAdoptedOffers(found, affiseFor(preview)) : found;
    const review = reviewChanges(changes, settings, { files: offerFiles(args.offers) });
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

/** The stack's Affise account: AFFISE_API_URL, else the one the preview ran with. */
function affiseFor(preview: PreviewDigest): AffiseClient {
  const previewUrl = preview.config["affise:apiUrl"];
  const apiUrl =
    process.env.AFFISE_API_URL ?? (typeof previewUrl === "string" ? previewUrl : undefined);
  return new AffiseClient(resolveConnection(apiUrl ? { apiUrl } : {}));
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

void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
