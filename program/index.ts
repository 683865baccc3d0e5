/**
 * The offers repository's Pulumi program (root Pulumi.yaml runs its compiled form): one
 * affise.Offer per file under offers/, and a stack output per offer.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { declareOffers, offerSummaries } from "./offers";

// Pulumi runs a program in the folder of its `main` (dist/program/). Offer folders, in config and
// in messages, are relative to the project folder (Pulumi.yaml's), so run from there.
process.chdir(projectFolder(__dirname));
const config = new pulumi.Config();
const offersDir = config.get("offersDir") ?? "offers";
// `pulumi config set allowEmpty true`: an empty offers folder deletes every offer, deliberately.
const allowEmpty = config.getBoolean("allowEmpty") ?? false;

/** Per offer (by resource name): Affise's id and offer_id, and how many payments it carries. */
export const offers = offerSummaries(declareOffers(offersDir, undefined, { allowEmpty }));

function projectFolder(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}
