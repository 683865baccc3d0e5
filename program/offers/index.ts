/**
 * The offers-repository loader, for a Pulumi program (`pulumi-affise/program`): one offer per YAML
 * file under a folder, checked before anything is declared. The package's own root program uses
 * it; so can any program that keeps its offers as files.
 */
export { declareOffers, offerSummaries, OfferFilesError } from "./declare-offers";
export { loadOfferFiles, formatOfferFileError, offerFileSchema } from "./offer-files";
