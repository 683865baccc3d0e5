/** Landing pages (`offer_landing_structure`); Affise's landing id is kept while one stays declared. */
import { z } from "zod";
import { sortCanonically } from "../canonical";
import { LANDING_IDENTITY } from "../payment-ids";
import { asRecord, type Raw, readId, readItems, readText } from "../affise/read-values";
import type { CheckedLanding, LandingType, StoredLanding } from "../types";
import type { FormFields, ManagedWhileDeclared } from "./field";
import { httpUrl, listOf, nonEmptyText, oneOf } from "./shapes";

export const LANDING_TYPES = ["landing", "transit"] as const;

export const landingSchema = z
  .strictObject(
    {
      title: nonEmptyText("the landing's title"),
      url: httpUrl("the landing's tracking URL"),
      urlPreview: httpUrl("the landing's preview URL").describe("The page a reviewer can look at."),
      type: z
        .enum(LANDING_TYPES, { error: oneOf(LANDING_TYPES) })
        .optional()
        .describe("landing (default) or transit."),
    },
    { error: "must be a landing: a mapping with title, url and urlPreview" },
  )
  .describe("A landing page; Affise's landing id is kept while the landing stays declared.");

export function normalizeLanding(raw: Raw): CheckedLanding {
  return {
    title: String(raw.title).trim(),
    url: String(raw.url).trim(),
    urlPreview: String(raw.urlPreview).trim(),
    type: (raw.type as LandingType | undefined) ?? "landing",
  };
}

/** A landing sent with its id is updated in place; without one Affise creates a new landing. */
function sendLandings(landings: StoredLanding[], form: FormFields): void {
  if (landings.length === 0) form.landings = "";
  landings.forEach((landing, i) => {
    const at = `landings[${i}]`;
    if (landing.id !== undefined) form[`${at}[id]`] = String(landing.id);
    form[`${at}[title]`] = landing.title;
    form[`${at}[url]`] = landing.url;
    form[`${at}[url_preview]`] = landing.urlPreview;
    form[`${at}[type]`] = landing.type;
  });
}

function landingAsInput(value: unknown, field: string): Raw {
  const landing = asRecord(value, field, "a landing");
  return {
    id:
      landing.id === undefined || landing.id === null
        ? undefined
        : readId(landing.id, `${field}.id`),
    title: readText(landing.title, `${field}.title`),
    url: readText(landing.url, `${field}.url`),
    urlPreview: readText(landing.url_preview, `${field}.url_preview`),
    type: readText(landing.type, `${field}.type`) || undefined,
  };
}

export const landings = {
  managed: "while declared",
  sent: "form",
  schema: listOf(landingSchema, "landings").optional().describe("Landing pages."),
  canonical: (value) => sortCanonically((value as Raw[]).map(normalizeLanding)),
  wire: ["landings"],
  itemNames: { url_preview: "urlPreview" },
  encode: sendLandings,
  decode: (offer) => readItems(offer.landings, "landings", landingAsInput),
  ids: { item: normalizeLanding, id: Number, identity: LANDING_IDENTITY },
  empty: [],
  clearable: true,
} satisfies ManagedWhileDeclared<CheckedLanding[], StoredLanding[]>;
