#!/usr/bin/env node
/**
 * `affise-validate-offers [--allow-empty] [<folder or file>]` (in this repository,
 * `npm run validate`): checks offer files exactly as the Pulumi program would, without Pulumi and
 * without network. Exit code 1 on any problem, so a pull request fails fast, before a preview is
 * even attempted.
 */
import * as fs from "node:fs";
import { githubAnnotation } from "../program/offers/github-annotation";
import {
  formatOfferFileError,
  loadOfferFileList,
  loadOfferFiles,
  type LoadedOfferFiles,
} from "../program/offers/offer-files";

/** How the user ran this: the repository's npm script, or the installed command. */
function command(): string {
  const inRepository =
    process.env.npm_package_name === "pulumi-affise" &&
    process.env.npm_lifecycle_event === "validate";
  return inRepository ? "npm run validate --" : "affise-validate-offers";
}

function usage(): string {
  return `Usage: ${command()} [--allow-empty] [<folder or file>]

  <folder>       every *.yaml / *.yml under it, sub-folders included (default: offers)
  <file>         that one offer file
  --allow-empty  accept a folder with no offer files (pulumi up would delete every offer)
`;
}

function main(argv: string[]): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(usage());
    return 0;
  }
  const allowEmpty = argv.includes("--allow-empty");
  const args = argv.filter((arg) => arg !== "--allow-empty");
  const unknown = args.find((arg) => arg.startsWith("-"));
  if (unknown !== undefined || args.length > 1) {
    const what = unknown === undefined ? "give one folder or file" : `unknown option ${unknown}`;
    process.stderr.write(`${command()}: ${what}\n\n${usage()}`);
    return 2;
  }
  const target = args[0] ?? "offers";
  const { offers, errors } = load(target);
  for (const error of errors) {
    process.stderr.write(`${formatOfferFileError(error)}\n`);
    // On GitHub Actions, also annotate the line in the pull request's diff.
    if (process.env.GITHUB_ACTIONS === "true") process.stdout.write(githubAnnotation(error));
  }
  if (errors.length > 0) {
    const problems = errors.length === 1 ? "1 problem" : `${errors.length} problems`;
    process.stderr.write(`\n${problems} in ${target}; nothing was sent anywhere.\n`);
    return 1;
  }
  if (offers.length === 0 && !allowEmpty) {
    process.stderr.write(
      `${target}: no offer files (*.yaml, *.yml). With none, pulumi up deletes every offer ` +
        "it manages; pass --allow-empty if that is what you mean.\n",
    );
    return 1;
  }
  const count = offers.length === 1 ? "1 offer" : `${offers.length} offers`;
  process.stdout.write(`${count} in ${target}: all valid.\n`);
  return 0;
}

/** A folder is loaded as the program loads it; a single file on its own. */
function load(target: string): LoadedOfferFiles {
  const stats = fs.statSync(target, { throwIfNoEntry: false });
  if (stats === undefined) return failure(target, "no such folder or file");
  if (stats.isDirectory()) return loadOfferFiles(target);
  if (!/\.ya?ml$/i.test(target)) {
    return failure(target, "is not an offer file (*.yaml or *.yml) nor a folder of them");
  }
  return loadOfferFileList([target]);
}

function failure(file: string, message: string): LoadedOfferFiles {
  return { offers: [], errors: [{ file, path: "", message }] };
}

process.exitCode = main(process.argv.slice(2));
