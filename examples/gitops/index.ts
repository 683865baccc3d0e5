/** One Affise offer per file under offers/. Every file is validated before anything is declared. */
import { declareOffers, offerSummaries } from "pulumi-affise/program";

const offers = declareOffers("offers");

/** Per offer: its Affise id and offer_id, and how many payments it has. */
export const offerIds = offerSummaries(offers);
