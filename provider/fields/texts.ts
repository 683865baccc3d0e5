/** Texts and labels: description and KPI per language, notes, tags, categories, extra URLs. */
import { z } from "zod";
import { textSet } from "../canonical";
import { readId, readItems, readLanguageTexts, readText, readTexts } from "../affise/read-values";
import type { FormFields, ManagedWhileDeclared } from "./field";
import { sendText } from "./identity";
import { httpUrl, listOf, nonEmptyText } from "./shapes";

type Raw = Record<string, unknown>;

const textsByLanguage = (what: string) =>
  z
    .record(
      z.string().regex(/^[a-z]{2}$/, { error: "must be a two-letter language code such as en" }),
      z.string({ error: `must be text (${what})` }),
      { error: `must map language codes to text, e.g. { en: "..." } (${what})` },
    )
    .describe(`${what} per language, e.g. { en: "...", de: "..." }.`);

/** Affise returns every tenant language, "" where unset: an empty text is no text. */
function languageTexts(value: unknown): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [language, text] of Object.entries((value ?? {}) as Raw).sort()) {
    if (text !== undefined && text !== null && String(text) !== "") texts[language] = String(text);
  }
  return texts;
}

function perLanguage(what: string, name: string) {
  return {
    managed: "while declared",
    sent: "form",
    schema: textsByLanguage(what).optional(),
    canonical: languageTexts,
    wire: [name],
    // Sent whole: Affise replaces the map, so an empty map is sent as an empty value.
    encode: (texts, form) => {
      const languages = Object.keys(texts);
      if (languages.length === 0) form[name] = "";
      for (const language of languages) form[`${name}[${language}]`] = texts[language];
    },
    decode: (offer) => readLanguageTexts(offer[name], name),
    empty: {},
    clearable: true,
  } satisfies ManagedWhileDeclared<Record<string, string>>;
}

/** A list of texts: `name[]=a&name[]=b`, or `name=` for none. */
const sendList =
  (name: string) =>
  (list: string[], form: FormFields): void => {
    if (list.length > 0) form[`${name}[]`] = list;
    else form[name] = "";
  };

export const description = perLanguage("The offer's description", "description_lang");
export const kpi = perLanguage("KPI terms for affiliates", "kpi");

export const tags = {
  managed: "while declared",
  sent: "form",
  schema: listOf(nonEmptyText("a tag"), "tags").optional().describe("Tags."),
  canonical: (value) => textSet(value),
  wire: ["tags"],
  encode: sendList("tags"),
  decode: (offer) => readTexts(offer.tags, "tags"),
  empty: [],
  clearable: true,
} satisfies ManagedWhileDeclared<string[]>;

export const categories = {
  ...tags,
  schema: listOf(nonEmptyText("a category id"), "category ids")
    .optional()
    .describe("Category ids (from /3.0/offer/categories)."),
  wire: ["categories", "full_categories"],
  encode: sendList("categories"),
  // full_categories has the ids; `categories` alone holds titles on some tenants.
  decode: (offer) =>
    offer.full_categories === undefined || offer.full_categories === null
      ? readTexts(offer.categories, "categories")
      : readItems(offer.full_categories, "full_categories", readId),
} satisfies ManagedWhileDeclared<string[]>;

/** Walked through in README's "Adding a field". */
export const trafficbackUrl = {
  managed: "while declared",
  sent: "form",
  schema: httpUrl("the trafficback URL")
    .optional()
    .describe("Where traffic goes when the offer cannot take it."),
  canonical: (value) => String(value).trim(),
  wire: ["trafficback_url"],
  encode: (value, form) => {
    form.trafficback_url = value;
  },
  decode: (offer) => readText(offer.trafficback_url, "trafficback_url"),
  empty: "",
  clearable: true,
} satisfies ManagedWhileDeclared<string>;

export const urlPreview = {
  ...trafficbackUrl,
  schema: httpUrl("the preview URL").optional().describe("The page affiliates preview."),
  wire: ["url_preview", "preview_url"],
  encode: sendText("url_preview"),
  decode: (offer) =>
    readText(offer.url_preview, "url_preview") || readText(offer.preview_url, "preview_url"),
} satisfies ManagedWhileDeclared<string>;

export const notes = {
  ...trafficbackUrl,
  schema: z.string({ error: "must be text" }).optional().describe("Internal notes."),
  canonical: String,
  wire: ["notes"],
  encode: sendText("notes"),
  decode: (offer) => readText(offer.notes, "notes"),
} satisfies ManagedWhileDeclared<string>;
