/** One Affise offer per file under offers/. Every file is validated before anything is declared. */
import * as affise from "pulumi-affise";

const offers = affise.declareOffers("offers");

/** Per offer: its Affise id and offer_id, and how many payments it has. */
export const offerIds = affise.offerSummaries(offers);
