import type { FormFields } from "../http/form";
import { HOLD_TYPES, type StoredOffer } from "../model";
import { findCategory } from "../reference/categories";
import { readCaps } from "./caps";
import type { Issues } from "./issues";
import { readLandings } from "./landings";
import { readTargeting } from "./targeting";
import { readEnum, readFlag, readInteger, readMap, readStringList, readText } from "./values";
import { readWebUrl } from "./web-url";

const LANGUAGE = /^[a-z]{2}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * The offer's fields beyond title, advertiser, url and payments: texts, lists,
 * schedule, flags, caps, landings and targeting. Same rules as the rest: a field not sent keeps
 * its value, a list or per-language map that is sent replaces the stored one whole.
 */
export function applyOfferDetails(form: FormFields, offer: StoredOffer, issues: Issues): void {
  const sent = (name: string) => form[name] !== undefined;
  if (sent("description_lang"))
    offer.descriptionLang = readTexts(form.description_lang, "description_lang", issues);
  if (sent("kpi")) offer.kpi = readTexts(form.kpi, "kpi", issues);
  if (sent("notes")) offer.notes = readText(form.notes, "notes", issues) ?? offer.notes;
  if (sent("tags"))
    offer.tags = (readStringList(form.tags, "tags", issues) ?? []).map((tag) => tag.value);
  if (sent("categories")) offer.categories = readCategories(form.categories, issues);
  if (sent("url_preview"))
    offer.urlPreview = readOptionalUrl(form.url_preview, "url_preview", issues);
  if (sent("trafficback_url"))
    offer.trafficbackUrl = readOptionalUrl(form.trafficback_url, "trafficback_url", issues);
  if (sent("hold_period")) {
    offer.holdPeriod =
      readInteger(form.hold_period, "hold_period", issues, { min: 0, max: 60 }) ?? offer.holdPeriod;
  }
  if (sent("hold_type"))
    offer.holdType = readEnum(form.hold_type, HOLD_TYPES, "hold_type", issues) ?? offer.holdType;
  if (sent("start_at")) offer.startAt = readStartAt(form.start_at, issues) ?? offer.startAt;
  if (sent("stopDate")) offer.stopAt = readStopDate(form.stopDate, issues);
  if (sent("redirect_type")) {
    offer.redirectType =
      readEnum(form.redirect_type, REDIRECT_TYPES, "redirect_type", issues) ?? offer.redirectType;
  }
  if (sent("sources")) offer.sources = readSources(form.sources, issues);
  if (sent("is_top")) offer.isTop = readFlag(form.is_top, "is_top", issues) ?? offer.isTop;
  if (sent("is_cpi")) offer.isCpi = readFlag(form.is_cpi, "is_cpi", issues) ?? offer.isCpi;
  if (sent("caps")) offer.caps = readCaps(form.caps, "caps", issues) ?? offer.caps;
  if (sent("landings"))
    offer.landings =
      readLandings(form.landings, "landings", offer.landings, issues) ?? offer.landings;
  if (sent("targeting")) {
    offer.targeting =
      readTargeting(form.targeting, "targeting", offer.targeting, issues) ?? offer.targeting;
  }
}

const REDIRECT_TYPES = ["http302", "http302hidden", "js", "meta"] as const;

function readSources(value: unknown, issues: Issues): string[] {
  if (value === "") return [];
  const ids: string[] = [];
  for (const entry of readStringList(value, "sources", issues) ?? []) {
    if (/^[0-9a-f]{24}$/.test(entry.value)) ids.push(entry.value);
    else issues.add(entry.path, `must be a traffic source id (24 hex characters)`);
  }
  return ids;
}

function readTexts(value: unknown, path: string, issues: Issues): Record<string, string> {
  const texts: Record<string, string> = {};
  if (value === "") return texts;
  const fields = readMap(value, path, issues) ?? {};
  for (const [language, text] of Object.entries(fields)) {
    if (!LANGUAGE.test(language)) {
      issues.add(`${path}[${language}]`, "is not a two-letter language code");
      continue;
    }
    const checked = readText(text, `${path}[${language}]`, issues);
    if (checked !== undefined) texts[language] = checked;
  }
  return texts;
}

function readCategories(value: unknown, issues: Issues): string[] {
  const ids: string[] = [];
  for (const entry of readStringList(value, "categories", issues) ?? []) {
    if (findCategory(entry.value)) ids.push(entry.value);
    else issues.add(entry.path, `unknown category '${entry.value}' (see /3.0/offer/categories)`);
  }
  return ids;
}

/** An empty string clears an optional URL. */
function readOptionalUrl(value: unknown, path: string, issues: Issues): string {
  if (value === "") return "";
  return readWebUrl(value, path, issues) ?? "";
}

/** `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS`, today or later (Affise refuses a start in the past). */
function readStartAt(value: unknown, issues: Issues): string | undefined {
  const timestamp = typeof value === "string" ? toTimestamp(value.trim()) : undefined;
  if (timestamp === undefined) {
    issues.add(
      "start_at",
      `must be YYYY-MM-DD or YYYY-MM-DD HH:MM:SS (got ${JSON.stringify(value)})`,
    );
    return undefined;
  }
  const today = new Date().toISOString().slice(0, 10);
  if (timestamp.slice(0, 10) < today) {
    issues.add(
      "start_at",
      `must be today or later (got ${timestamp.slice(0, 10)}, today is ${today})`,
    );
    return undefined;
  }
  return timestamp;
}

/** `stopDate=YYYY-MM-DD` reads back as `stop_at`; an empty value removes the stop date. */
function readStopDate(value: unknown, issues: Issues): string | null {
  if (value === "") return null;
  if (
    typeof value !== "string" ||
    !DATE.test(value.trim()) ||
    toTimestamp(value.trim()) === undefined
  ) {
    issues.add("stopDate", `must be YYYY-MM-DD (got ${JSON.stringify(value)})`);
    return null;
  }
  return `${value.trim()} 00:00:00`;
}

function toTimestamp(text: string): string | undefined {
  const withTime = DATE.test(text) ? `${text} 00:00:00` : text;
  const match = DATE_TIME.exec(withTime);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const valid =
    date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
  return valid ? withTime : undefined;
}
