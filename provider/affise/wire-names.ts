/**
 * Affise's messages name its form fields (`start_at`, `payments[0][total]`); a user knows the
 * offer file's names (`startAt`, `payments[0].total`). Affise's message is kept, its field names
 * are translated.
 */
import { FIELDS } from "../fields/table";

/** Affise's names → ours, from the field table: the fields' own, and those inside their items. */
const FIELD_NAMES: Record<string, string> = Object.fromEntries(
  FIELDS.flatMap(([name, field]) =>
    field.sent === "form"
      ? [
          ...field.wire.filter((wire) => wire !== name).map((wire) => [wire, name]),
          ...Object.entries(field.itemNames ?? {}),
        ]
      : [],
  ),
);

/** `payments[0][country_exclude]` → `payments[0].countryExclude`; `start_at` → `startAt`. */
export function inFileTerms(message: string): string {
  return message.replace(
    /\b([a-z][a-z0-9_]*)((?:\[[^\]\s]*\])*)/g,
    (whole, head: string, brackets: string) => {
      const segments = [...brackets.matchAll(/\[([^\]]*)\]/g)].map(([, inner]) => inner);
      if (!(head in FIELD_NAMES) && segments.length === 0) return whole;
      const path = [FIELD_NAMES[head] ?? head];
      for (const segment of segments) {
        if (segment === "") continue;
        path.push(/^\d+$/.test(segment) ? `[${segment}]` : `.${FIELD_NAMES[segment] ?? segment}`);
      }
      return path.join("");
    },
  );
}
