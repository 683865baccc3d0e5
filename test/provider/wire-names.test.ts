/** Affise's error messages, with its form field names turned into the offer file's. */
import { inFileTerms } from "../../provider/affise/wire-names";

it.each([
  [
    "start_at: must be today or later (got 2020-01-01)",
    "startAt: must be today or later (got 2020-01-01)",
  ],
  ["payments[0][total]: must be a number", "payments[0].total: must be a number"],
  [
    "partner_payments[1][country_exclude]: must be 0 or 1",
    "partnerPayments[1].countryExclude: must be 0 or 1",
  ],
  ["Offer not found", "Offer not found"],
  ["title: is required; url: is not a URL", "title: is required; url: is not a URL"],
])("%s", (affise, file) => {
  expect(inFileTerms(affise)).toBe(file);
});
