/**
 * A Pulumi program's one-liner for an offers repository: `affise.declareOffers("offers")` declares
 * one `affise.Offer` per file, or — if any file has a problem — declares nothing and stops the run
 * with every problem listed.
 */
import * as pulumi from "@pulumi/pulumi";
import { Offer } from "../../provider/lifecycle/offer";
import { formatOfferFileError, loadOfferFiles, type OfferFileError } from "./offer-files";

/**
 * Thrown when offer files have problems. A `RunError`, so Pulumi prints the list of problems
 * rather than a stack trace: the reader is a reviewer fixing YAML, not a developer.
 */
export class OfferFilesError extends pulumi.RunError {
  constructor(readonly errors: OfferFileError[]) {
    const count = errors.length === 1 ? "1 problem" : `${errors.length} problems`;
    super(
      `${count} in offer files; no offer was declared, so nothing will change:\n` +
        errors.map((error) => `  ${formatOfferFileError(error)}`).join("\n"),
    );
    this.name = "OfferFilesError";
  }
}

export interface DeclareOffersOptions {
  /** Accept a folder with no offer files, so that the update deletes every offer it manages. */
  allowEmpty?: boolean;
}

/**
 * Declares one Offer per offer file under `dir`, keyed by resource name. A folder with no offer
 * files is refused unless `allowEmpty`: emptied by mistake, it would delete every offer.
 */
export function declareOffers(
  dir: string,
  opts?: pulumi.CustomResourceOptions,
  options: DeclareOffersOptions = {},
): Record<string, Offer> {
  const { offers, errors } = loadOfferFiles(dir);
  if (errors.length > 0) throw new OfferFilesError(errors);
  if (offers.length === 0 && !options.allowEmpty) {
    throw new OfferFilesError([
      {
        file: dir,
        path: "",
        message:
          "no offer files (*.yaml, *.yml); with none, this update would delete every offer " +
          "the stack manages; allow it deliberately with allowEmpty",
      },
    ]);
  }
  return Object.fromEntries(offers.map(({ name, args }) => [name, new Offer(name, args, opts)]));
}

/** What a stack exports for one offer. */
export interface OfferSummary {
  /** Affise's integer offer id (the resource id). */
  id: string;
  /** Affise's 24-hex offer_id. */
  offerId: string;
  payments: number;
  partnerPayments: number;
}

/** Stack outputs for declared offers: per resource name, its Affise ids and payment counts. */
export function offerSummaries(
  offers: Record<string, Offer>,
): pulumi.Output<Record<string, OfferSummary>> {
  const summaries = Object.entries(offers).map(([name, offer]) =>
    pulumi
      .all([offer.id, offer.offerId, offer.payments, offer.partnerPayments])
      .apply(([id, offerId, payments, partnerPayments]) => ({
        name,
        summary: {
          id,
          offerId,
          payments: payments?.length ?? 0,
          partnerPayments: partnerPayments?.length ?? 0,
        },
      })),
  );
  return pulumi
    .all(summaries)
    .apply((list) => Object.fromEntries(list.map(({ name, summary }) => [name, summary])));
}
