import type { OfferChange, OfferInputs } from "../../review/offer-changes";
import { GITHUB_COMMENT_LIMIT, renderReview, summaryLine } from "../../review/render-markdown";
import { payout } from "./payouts";

const payment = payout;
const offer = (over: OfferInputs = {}): OfferInputs => ({
  title: "Summer Sale",
  status: "active",
  payments: [payment(), payment({ countries: ["DE"], revenue: 40 })],
  partnerPayments: [],
  __provider: "exports.handler = …",
  resourceName: "summer-sale",
  ...over,
});
const change = (over: Partial<OfferChange>): OfferChange => ({
  name: "summer-sale",
  urn: "urn:pulumi:dev::offers::pulumi-nodejs:dynamic/affise:Offer::summer-sale",
  verdict: "update",
  replaceReasons: [],
  ...over,
});

describe("the review comment", () => {
  it("shows a payout change as old → new with the margin, on the payout it belongs to", () => {
    const before = offer();
    const after = offer({
      payments: [payment({ countries: ["DE"], revenue: 40 }), payment({ revenue: 55 })],
    });
    const markdown = renderReview([change({ before, after, id: "12" })], {
      files: new Map([["summer-sale", "offers/summer-sale.yaml"]]),
    });
    expect(markdown).toContain("**1 offer changed; 1 payout raised**");
    expect(markdown).toContain(
      "### ✏️ Changed: `summer-sale` — Summer Sale (`offers/summer-sale.yaml`, Affise id 12)",
    );
    expect(markdown).toContain(
      "| US · desktop · goal 1 | 50 USD → **55 USD** | 100 USD | 50 USD → 45 USD |",
    );
    expect(markdown).not.toContain("DE · desktop");
    expect(markdown).not.toContain("__provider");
  });

  it("says nothing changed when only the order of payouts did", () => {
    const before = offer();
    const after = offer({ payments: [...(before.payments as unknown[])].reverse() });
    const markdown = renderReview([change({ before, after })]);
    expect(markdown).toContain("No visible change in the offer's fields.");
    expect(markdown).not.toContain("| Payout |");
  });

  it("lists other fields old → new and hides secrets", () => {
    const before = offer({ apiKey: "[secret]" });
    const after = offer({ title: "Summer Sale 2", apiKey: "[secret]", tags: ["a", "b"] });
    const markdown = renderReview([change({ before, after })]);
    expect(markdown).toContain('- `tags`: (not set) → \\["a","b"\\]');
    expect(markdown).toContain('- `title`: "Summer Sale" → "Summer Sale 2"');
    expect(markdown).not.toContain("apiKey");
  });

  it("says in plain words that a replacement or a delete removes an offer from Affise", () => {
    const replaced = renderReview([
      change({ verdict: "replace", before: offer(), after: offer(), replaceReasons: ["apiUrl"] }),
    ]);
    expect(replaced).toContain("**This replaces the offer** because `apiUrl` changed");
    const deleted = renderReview([change({ verdict: "delete", before: offer() })]);
    expect(deleted).toContain("**This deletes the offer from Affise.**");
    expect(deleted).toContain("| US · desktop · goal 1 | 50 USD | 100 USD | 50 USD |");
    const stopped = renderReview([
      change({ verdict: "delete", before: offer({ deletePolicy: "stop" }) }),
    ]);
    expect(stopped).toContain("**This stops the offer in Affise** (deletePolicy: stop)");
  });

  it("says which offer a replacement makes and what becomes of the old one", () => {
    const toAnotherAccount = renderReview([
      change({
        verdict: "replace",
        id: "7",
        before: offer(),
        after: offer(),
        replaceReasons: ["apiUrl"],
      }),
    ]);
    expect(toAnotherAccount).toContain(
      "**This replaces the offer** because `apiUrl` changed: Affise gets a new offer (new id and tracking links, statistics start again); the old one, Affise id 7, is deleted.",
    );
    const keptStopped = renderReview([
      change({
        verdict: "replace",
        id: "7",
        before: offer({ deletePolicy: "stop" }),
        after: offer({ apiUrl: "https://api-b.affise.com" }),
        replaceReasons: ["apiUrl"],
      }),
    ]);
    expect(keptStopped).toContain(
      "the old one, Affise id 7, is stopped and kept (deletePolicy: stop).",
    );
  });

  it("names an adoption as one, never as a created offer, and says what the preview cannot show", () => {
    const markdown = renderReview([
      change({ verdict: "adopt", id: "42", after: offer({ adoptId: 42 }) }),
    ]);
    expect(markdown).toContain("**1 offer adopted**");
    expect(markdown).toContain("### 🤝 Adopted: `summer-sale` — Summer Sale (Affise id 42)");
    expect(markdown).toContain(
      "A preview cannot see the offer's values in Affise: where they differ from the file, merging overwrites them, and they are not listed here (`affise-review --read-affise` reads them).",
    );
    expect(markdown).toContain("| US · desktop · goal 1 | 50 USD | 100 USD | 50 USD |");
    expect(markdown).not.toMatch(/[Cc]reated/);
  });

  it("puts guardrail violations on top, mandatory ones as a caution", () => {
    const markdown = renderReview([change({ verdict: "create", after: offer() })], {
      violations: [
        {
          rule: "affise-min-margin",
          level: "mandatory",
          offer: "summer-sale",
          message: "pays too much",
        },
      ],
    });
    const caution = markdown.indexOf("> [!CAUTION]");
    expect(caution).toBeGreaterThan(0);
    expect(caution).toBeLessThan(markdown.indexOf("### ➕ Created"));
    expect(markdown).toContain(
      "⛔ **mandatory** `affise-min-margin` · `summer-sale`: pays too much",
    );
  });

  it("does not let an offer title add markup to the comment", () => {
    const title = "Sale</summary>\n## ✅ Approved by finance <img src=x>";
    const markdown = renderReview([change({ verdict: "create", after: offer({ title }) })]);
    expect(markdown).not.toContain("\n## ✅");
    expect(markdown).not.toContain("<img");
    expect(markdown).not.toContain("</summary>\n");
  });

  it("folds 200 changed offers under GitHub's comment limit and counts those left out", () => {
    const changes = Array.from({ length: 200 }, (_, i) =>
      change({
        name: `offer-${i}`,
        before: offer({ title: `Offer ${i}`, notes: "x".repeat(400) }),
        after: offer({
          title: `Offer ${i}`,
          notes: "y".repeat(400),
          payments: [payment({ revenue: 60 })],
        }),
      }),
    );
    const markdown = renderReview(changes);
    expect(markdown.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(markdown).toContain("**200 offers changed; 200 payouts raised, 200 removed**");
    expect(markdown).toContain("<details><summary>✏️ Changed: `offer-0`");
    const shown = (markdown.match(/<details>/g) ?? []).length;
    expect(shown).toBeGreaterThan(10);
    expect(markdown).toContain(`…and ${200 - shown} more offers not shown`);
  });

  it("sums up an empty preview", () => {
    expect(summaryLine([])).toBe("No offer changes.");
  });
});
