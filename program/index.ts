/**
 * The offers repository's Pulumi program (root Pulumi.yaml runs its compiled form): one
 * affise.Offer per file under offers/, and a stack output per offer.
 */
import * as pulumi from "@pulumi/pulumi";
import { declareOffers, offerSummaries } from "../provider";

const config = new pulumi.Config();
// Relative to the project folder, which is where Pulumi runs the program.
const offersDir = config.get("offersDir") ?? "offers";
// `pulumi config set allowEmpty true`: an empty offers folder deletes every offer, deliberately.
const allowEmpty = config.getBoolean("allowEmpty") ?? false;

/** Per offer (by resource name): Affise's id and offer_id, and how many payments it carries. */
export const offers = offerSummaries(declareOffers(offersDir, undefined, { allowEmpty }));
