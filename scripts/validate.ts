#!/usr/bin/env node
/**
 * `npm run validate [dir]`: checks every offer file under `dir` (default offers/) exactly as the
 * Pulumi program would, without Pulumi and without network. Exit code 1 on any problem, so a pull
 * request fails fast, before a preview is even attempted.
 */
import { formatOfferFileError, loadOfferFiles, type OfferFileError } from "../provider/offer-files";

const USAGE = "Usage: npm run validate [-- <folder>]   (default folder: offers)\n";

function main(argv: string[]): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (argv.length > 1 || argv.some((arg) => arg.startsWith("-"))) {
    process.stderr.write(USAGE);
    return 2;
  }
  const dir = argv[0] ?? "offers";
  const { offers, errors } = loadOfferFiles(dir);
  for (const error of errors) {
    process.stderr.write(`${formatOfferFileError(error)}\n`);
    // On GitHub Actions, also annotate the line in the pull request's diff.
    if (process.env.GITHUB_ACTIONS === "true") process.stdout.write(githubAnnotation(error));
  }
  if (errors.length > 0) {
    const problems = errors.length === 1 ? "1 problem" : `${errors.length} problems`;
    process.stderr.write(`\n${problems} in ${dir}; nothing was sent anywhere.\n`);
    return 1;
  }
  const count = offers.length === 1 ? "1 offer" : `${offers.length} offers`;
  process.stdout.write(`${count} in ${dir}: all valid.\n`);
  return 0;
}

/** A workflow command: GitHub shows it on the offending line of the pull request's diff. */
function githubAnnotation(error: OfferFileError): string {
  const data = (text: string) =>
    text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const property = (text: string) => data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const line = error.line === undefined ? "" : `,line=${error.line}`;
  const message = error.path ? `${error.path}: ${error.message}` : error.message;
  return `::error file=${property(error.file)}${line}::${data(message)}\n`;
}

process.exitCode = main(process.argv.slice(2));
