/**
 * The review comment: one section per offer created, adopted, changed, replaced or deleted, payouts
 * matched by their conditions, margins old → new, guardrail violations on top. GitHub refuses
 * comments over 65,536 characters, so long reviews fold and then stop with a count of the rest.
 */
import { fieldChanges } from "./field-changes";
import type { Violation } from "./guardrails";
import {
  adoptedId,
  type OfferChange,
  type OfferInputs,
  previousValues,
  type TakenOver,
} from "./offer-changes";
import {
  comparePayments,
  conditionsLabel,
  margin,
  type PaymentChange,
  type ReviewPayment,
} from "./payments";

export const GITHUB_COMMENT_LIMIT = 65_536;

export interface ReviewOptions {
  /** The offer file behind each resource name, when known. */
  files?: Map<string, string>;
  violations?: Violation[];
  maxLength?: number;
}

const HEADINGS = {
  create: "➕ Created",
  adopt: "🤝 Adopted",
  update: "✏️ Changed",
  replace: "♻️ Replaced",
  delete: "🗑️ Deleted",
} as const;

export function renderReview(changes: OfferChange[], options: ReviewOptions = {}): string {
  const limit = options.maxLength ?? GITHUB_COMMENT_LIMIT;
  const head = [
    "## Affise offers: what merging changes",
    "",
    `**${summaryLine(changes)}**`,
    "",
    ...violationLines(options.violations ?? []),
  ].join("\n");
  const sections = changes.map((change) => offerSection(change, options.files));
  const open = tidy([head, ...sections.map((s) => s.full)].join("\n"));
  if (open.length <= limit) return open;
  return tidy(folded(head, sections, limit));
}

/** "3 offers changed, 1 created; 2 payouts raised, 1 lowered" */
export function summaryLine(changes: OfferChange[]): string {
  if (changes.length === 0) return "No offer changes.";
  const count = (verdict: OfferChange["verdict"]) =>
    changes.filter((change) => change.verdict === verdict).length;
  const offers = [
    [count("update"), "changed"],
    [count("create"), "created"],
    [count("adopt"), "adopted"],
    [count("replace"), "replaced"],
    [count("delete"), "deleted"],
  ]
    .filter(([n]) => n)
    .map(([n, word], i) => `${i === 0 ? plural(n as number, "offer") : n} ${word}`);
  // A created or deleted offer's payouts come and go with it: not counted as payout changes. Nor
  // are those of an offer taken over, unless it was read from Affise (a preview cannot see them).
  const payouts = changes
    .filter((change) => change.verdict !== "create" && change.verdict !== "delete")
    .flatMap((change) => {
      const previous = previousValues(change);
      return previous ? allPaymentChanges(previous, change.after) : [];
    });
  const moved = (sign: number) =>
    payouts.filter(
      (p) =>
        p.kind === "changed" &&
        p.before?.currency === p.after?.currency &&
        Math.sign((p.after?.revenue ?? 0) - (p.before?.revenue ?? 0)) === sign,
    ).length;
  const payoutParts = [
    [moved(1), "raised"],
    [moved(-1), "lowered"],
    [payouts.filter((p) => p.kind === "added").length, "added"],
    [payouts.filter((p) => p.kind === "removed").length, "removed"],
  ]
    .filter(([n]) => n)
    .map(([n, word], i) => `${i === 0 ? plural(n as number, "payout") : n} ${word}`);
  return [offers.join(", "), payoutParts.join(", ")].filter(Boolean).join("; ");
}

function violationLines(violations: Violation[]): string[] {
  if (violations.length === 0) return [];
  const mandatory = violations.filter((v) => v.level === "mandatory");
  const lines = [
    mandatory.length > 0
      ? `> [!CAUTION]\n> ${plural(mandatory.length, "mandatory guardrail")} broken: this change must not be merged as it is.`
      : `> [!WARNING]\n> ${plural(violations.length, "advisory guardrail")} to look at before merging.`,
    "",
    ...violations.map(
      (v) =>
        `- ${v.level === "mandatory" ? "⛔ **mandatory**" : "⚠️ advisory"} ${code(v.rule)} · ${code(v.offer)}: ${inline(v.message)}`,
    ),
    "",
  ];
  return lines;
}

interface Section {
  title: string;
  body: string;
  full: string;
}

function offerSection(change: OfferChange, files?: Map<string, string>): Section {
  const offer = change.after ?? change.before ?? {};
  const facts = [
    files?.get(change.name) ? code(files.get(change.name) ?? "") : undefined,
    change.id ? `Affise id ${change.id}` : undefined,
  ].filter(Boolean);
  const title = `${HEADINGS[change.verdict]}: ${code(change.name)} — ${text(offer.title)}${facts.length ? ` (${facts.join(", ")})` : ""}`;
  const body = [verdictWarning(change), ...driftLines(change), ...changeLines(change)]
    .filter((line) => line !== undefined)
    .join("\n")
    .trim();
  return { title, body, full: `\n### ${title}\n\n${body}\n` };
}

function verdictWarning(change: OfferChange): string | undefined {
  if (change.verdict === "adopt") return adoptionWarning(change.takenOver ?? {});
  if (change.verdict === "replace") {
    const because = change.replaceReasons.length
      ? ` because ${change.replaceReasons.map(code).join(", ")} changed`
      : "";
    const replaces = `**This replaces the offer**${because}: ${replacementMade(change.after)}; ${oldOfferFate(change)}.`;
    return change.takenOver
      ? `${replaces}\n\n${takenOverValues(change.takenOver, ...valuesOf(change.takenOver))}\n`
      : `${replaces}\n`;
  }
  if (change.verdict === "delete") {
    return change.before?.deletePolicy === "stop"
      ? "**This stops the offer in Affise** (deletePolicy: stop); it stays there, stopped.\n"
      : "**This deletes the offer from Affise.**\n";
  }
  return undefined;
}

function adoptionWarning(takenOver: TakenOver): string {
  const takesOver = `**This takes over ${takenOverName(takenOver)}**: it keeps its id, tracking links and statistics, and is set to what the file declares.`;
  return `${takesOver} ${takenOverValues(takenOver, "Its values in Affise", "the offer's values in Affise")}\n`;
}

function valuesOf({ id }: TakenOver): [string, string] {
  const values = id
    ? `Affise offer ${id}'s values`
    : "the values of the Affise offer adoptId names";
  return [values.charAt(0).toUpperCase() + values.slice(1), values];
}

function takenOverName({ id }: TakenOver): string {
  return id ? `Affise offer ${id}` : "the Affise offer adoptId names";
}

/**
 * Whether the taken-over offer's values are shown below, and if not, why not. `seen` and
 * `unseen` name those values in the sentence that says which.
 */
function takenOverValues(takenOver: TakenOver, seen: string, unseen: string): string {
  if (takenOver.values) return `${seen}, read by this review, → the file's:`;
  const hidden = `A preview cannot see ${unseen}: where they differ from the file, merging overwrites them, and they are not listed here`;
  return takenOver.unread
    ? `${hidden}: they could not be read, as ${inline(takenOver.unread)}.`
    : `${hidden} (\`affise-review --read-affise\` reads them).`;
}

/** A replacement's create adopts the offer `adoptId` names, if any; otherwise it makes one. */
function replacementMade(after: OfferInputs | undefined): string {
  if (after?.adoptId === undefined) {
    return "Affise gets a new offer (new id and tracking links, statistics start again)";
  }
  const name = takenOverName({ id: adoptedId(after) });
  return `${name} is taken over (it keeps its id, tracking links and statistics) and set to what the file declares`;
}

/** The replaced offer goes as its own deletePolicy says. */
function oldOfferFate(change: OfferChange): string {
  const old = `the old one${change.id ? `, Affise id ${change.id},` : ""}`;
  return change.before?.deletePolicy === "stop"
    ? `${old} is stopped and kept (deletePolicy: stop)`
    : `${old} is deleted`;
}

function driftLines(change: OfferChange): string[] {
  if (!change.drifted) return [];
  const drift = fieldChanges(change.drifted, change.before);
  const payouts = allPaymentChanges(change.drifted, change.before);
  if (drift.length === 0 && payouts.length === 0) return [];
  const what = [...drift.map((d) => code(d.field)), ...(payouts.length ? ["payouts"] : [])];
  return [
    `Changed in Affise since the last apply (${what.join(", ")}); merging puts back what the files declare.\n`,
  ];
}

function changeLines(change: OfferChange): string[] {
  if (change.verdict === "delete") return payoutTable(change.before, undefined);
  const previous = previousValues(change);
  if (change.verdict === "create" || !previous) return payoutTable(undefined, change.after);
  const lines: string[] = [];
  const payments = allPaymentChanges(previous, change.after);
  if (payments.length > 0) lines.push(...paymentChangeTable(payments), "");
  const fields = fieldChanges(previous, change.after);
  if (fields.length > 0) {
    lines.push(
      ...fields.map((f) => `- ${code(f.field)}: ${shownValue(f.before)} → ${shownValue(f.after)}`),
      "",
    );
  }
  if (lines.length === 0) {
    lines.push(
      change.takenOver
        ? "Affise already holds what the file declares: adopting it writes nothing.\n"
        : "No visible change in the offer's fields.\n",
    );
  }
  return lines;
}

type Listed = PaymentChange & { list: string };

function allPaymentChanges(before?: OfferInputs, after?: OfferInputs): Listed[] {
  return (["payments", "partnerPayments"] as const).flatMap((list) =>
    comparePayments(payments(before, list), payments(after, list)).map((c) => ({
      ...c,
      list: list === "payments" ? "" : "personal: ",
    })),
  );
}

function paymentChangeTable(changes: Listed[]): string[] {
  return [
    "| Payout | Affiliate earns | Advertiser pays | Margin |",
    "| --- | --- | --- | --- |",
    ...changes.map((c) => {
      const label =
        c.kind === "added"
          ? `➕ ${c.list}${c.label}`
          : c.kind === "removed"
            ? `➖ ${c.list}${c.label}`
            : c.previousLabel
              ? `${c.list}${c.previousLabel} → ${c.label}`
              : `${c.list}${c.label}`;
      return `| ${cell(label)} | ${moved(c.before, c.after, "revenue")} | ${moved(c.before, c.after, "total")} | ${marginMoved(c.before, c.after)} |`;
    }),
  ];
}

function payoutTable(before?: OfferInputs, after?: OfferInputs): string[] {
  const offer = after ?? before;
  const rows = (["payments", "partnerPayments"] as const).flatMap((list) =>
    payments(offer, list).map((p) => ({ p, prefix: list === "payments" ? "" : "personal: " })),
  );
  if (rows.length === 0) return [];
  return [
    "| Payout | Affiliate earns | Advertiser pays | Margin |",
    "| --- | --- | --- | --- |",
    ...rows.map(
      ({ p, prefix }) =>
        `| ${cell(prefix + conditionsLabel(p))} | ${amount(p, "revenue")} | ${amount(p, "total")} | ${marginOf(p)} |`,
    ),
    "",
  ];
}

function moved(
  before: ReviewPayment | undefined,
  after: ReviewPayment | undefined,
  field: "revenue" | "total",
): string {
  if (!before) return amount(after, field);
  if (!after) return `~~${amount(before, field)}~~`;
  const [old, now] = [amount(before, field), amount(after, field)];
  return old === now ? now : `${old} → **${now}**`;
}

function marginMoved(before?: ReviewPayment, after?: ReviewPayment): string {
  if (!before) return marginOf(after);
  if (!after) return `~~${marginOf(before)}~~`;
  const [old, now] = [marginOf(before), marginOf(after)];
  return old === now ? now : `${old} → ${now}`;
}

function amount(payment: ReviewPayment | undefined, field: "revenue" | "total"): string {
  const value = payment?.[field];
  if (value === undefined) return "—";
  return payment?.type === "percent" ? `${value} %` : `${value} ${payment?.currency ?? ""}`.trim();
}

function marginOf(payment: ReviewPayment | undefined): string {
  const value = payment ? margin(payment) : undefined;
  if (value === undefined) return "—";
  return payment?.type === "percent"
    ? `${value} pts`
    : `${value} ${payment?.currency ?? ""}`.trim();
}

function payments(
  offer: OfferInputs | undefined,
  list: "payments" | "partnerPayments",
): ReviewPayment[] {
  const value = offer?.[list];
  return Array.isArray(value) ? (value as ReviewPayment[]) : [];
}

function folded(head: string, sections: Section[], limit: number): string {
  const parts = [head];
  let length = head.length;
  const tail = (left: number) =>
    `\n…and ${plural(left, "more offer")} not shown: GitHub comments hold ${limit.toLocaleString("en-US")} characters. Run \`npm run review\` locally for the whole review.\n`;
  for (const [index, section] of sections.entries()) {
    const piece = `\n<details><summary>${escapeHtml(section.title)}</summary>\n\n${section.body}\n</details>\n`;
    const reserve = tail(sections.length - index).length;
    if (length + piece.length + reserve > limit) {
      parts.push(tail(sections.length - index));
      break;
    }
    parts.push(piece);
    length += piece.length;
  }
  return parts.join("");
}

/** At most one blank line anywhere. */
function tidy(markdown: string): string {
  return markdown.replace(/\n{3,}/g, "\n\n");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Text from an offer file is a pull-request author's: it must not add markup to the comment. */
function text(value: unknown): string {
  return typeof value === "string" ? inline(value) : "(untitled)";
}

function cell(value: string): string {
  return inline(value).replace(/\|/g, "\\|");
}

function inline(value: string): string {
  return escapeHtml(value.replace(/[\r\n\t]+/g, " ")).replace(/([`*_[\]#])/g, "\\$1");
}

function shownValue(value: string | undefined): string {
  return value === undefined ? "(not set)" : inline(value);
}

function code(value: string): string {
  return `\`${value.replace(/[`\r\n]/g, "")}\``;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
