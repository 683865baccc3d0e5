/**
 * The offers repository's Pulumi program (root Pulumi.yaml runs its compiled form): one
 * affise.Offer per file under offers/, and a stack output per offer.
 */
import * as pulumi from "@pulumi/pulumi";
import { declareOffers, offerSummaries } from "../provider";

// Relative to the project folder, which is where Pulumi runs the program.
const offersDir = new pulumi.Config().get("offersDir") ?? "offers";

/** Per offer (by resource name): Affise's id and offer_id, and how many payments it carries. */
export const offers = offerSummaries(declareOffers(offersDir));
