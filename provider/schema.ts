/**
 * The shape of an offer: each field's schema from the field table, and the rules that span two
 * fields. From it come `check`'s validation (with its messages), the JSON Schema that editors use
 * for offers/*.yaml, and the field table in the README. The public TypeScript interfaces in
 * `types.ts` are checked against it at compile time.
 */
import { z } from "zod";
import { FIELDS, type OfferShape } from "./fields/table";

export const offerSchema = z
  .strictObject(
    Object.fromEntries(FIELDS.map(([name, field]) => [name, field.schema])) as OfferShape,
    {
      error: "must be an offer: a mapping with title, advertiser, url and payments",
    },
  )
  .superRefine((offer, ctx) => {
    const { startAt, stopDate, apiUrl, apiKey } = offer;
    if (startAt && stopDate && stopDate < startAt.slice(0, 10)) {
      ctx.addIssue({
        code: "custom",
        path: ["stopDate"],
        message: `must not be before startAt (${startAt.slice(0, 10)})`,
      });
    }
    if ((apiUrl === undefined) !== (apiKey === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [apiUrl === undefined ? "apiUrl" : "apiKey"],
        message: "apiUrl and apiKey go together: give both or neither",
      });
    }
  })
  .describe("An Affise offer.");

export type OfferSchemaInput = z.input<typeof offerSchema>;
