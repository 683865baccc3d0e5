/** Caps, landings, targeting groups and per-language texts → Affise form fields. */
import { decimalText } from "./decimal";
import type { CheckedCap, StoredLanding, StoredTargetingGroup } from "./types";

export type FormFields = Record<string, string | string[]>;

const bit = (value: boolean) => (value ? "1" : "0");

export function addLanguageTexts(
  fields: FormFields,
  name: string,
  texts: Record<string, string>,
): void {
  const languages = Object.keys(texts);
  // Sent whole: Affise replaces the map, so an empty map is sent as an empty value.
  if (languages.length === 0) fields[name] = "";
  for (const language of languages) fields[`${name}[${language}]`] = texts[language];
}

export function addCaps(fields: FormFields, caps: CheckedCap[]): void {
  if (caps.length === 0) fields.caps = "";
  caps.forEach((cap, i) => {
    const at = `caps[${i}]`;
    fields[`${at}[period]`] = cap.period;
    fields[`${at}[type]`] = cap.type;
    fields[`${at}[value]`] = decimalText(cap.value);
    fields[`${at}[goal_type]`] = cap.goalType;
    if (cap.goals.length > 0) fields[`${at}[goals][]`] = cap.goals;
    fields[`${at}[affiliate_type]`] = cap.affiliateType;
    if (cap.affiliates.length > 0) fields[`${at}[affiliates][]`] = cap.affiliates.map(String);
    fields[`${at}[country_type]`] = cap.countryType;
    if (cap.countries.length > 0) fields[`${at}[country][]`] = cap.countries;
  });
}

/** A landing sent with its id is updated in place; without one Affise creates a new landing. */
export function addLandings(fields: FormFields, landings: StoredLanding[]): void {
  if (landings.length === 0) fields.landings = "";
  landings.forEach((landing, i) => {
    const at = `landings[${i}]`;
    if (landing.id !== undefined) fields[`${at}[id]`] = String(landing.id);
    fields[`${at}[title]`] = landing.title;
    fields[`${at}[url]`] = landing.url;
    fields[`${at}[url_preview]`] = landing.urlPreview;
    fields[`${at}[type]`] = landing.type;
  });
}

export function addTargeting(fields: FormFields, groups: StoredTargetingGroup[]): void {
  if (groups.length === 0) fields.targeting = "";
  groups.forEach((group, i) => {
    const at = `targeting[${i}]`;
    if (group.id !== undefined) fields[`${at}[id]`] = group.id;
    fields[`${at}[name]`] = group.name;
    fields[`${at}[condition]`] = group.condition;
    fields[`${at}[enabled]`] = bit(group.enabled);
    if (group.countries.allow.length > 0) fields[`${at}[country][allow][]`] = group.countries.allow;
    if (group.countries.deny.length > 0) fields[`${at}[country][deny][]`] = group.countries.deny;
    group.os.forEach((rule, j) => {
      fields[`${at}[os][allow][${j}][name]`] = rule.name;
      if (rule.comparison !== undefined)
        fields[`${at}[os][allow][${j}][comparison]`] = rule.comparison;
      if (rule.version !== undefined) fields[`${at}[os][allow][${j}][version]`] = rule.version;
    });
    fields[`${at}[os_deny]`] = bit(group.osDeny);
    if (group.devices.length > 0) fields[`${at}[device_type][]`] = group.devices;
    fields[`${at}[device_type_deny]`] = bit(group.devicesDeny);
    if (group.connections.length > 0) fields[`${at}[connection][]`] = group.connections;
    fields[`${at}[connection_deny]`] = bit(group.connectionsDeny);
  });
}
