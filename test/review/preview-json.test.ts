import * as fs from "fs";
import * as path from "path";
import { DEFAULT_SETTINGS } from "../../review/guardrails";
import { offerChanges } from "../../review/offer-changes";
import { parsePreviewJson } from "../../review/preview-json";
import { reviewPreview } from "../../review/review-offers";

const fixture = (name: string) =>
  parsePreviewJson(fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8"));

describe("reading real pulumi preview --json output", () => {
  it("finds one verdict per offer: changed, replaced, deleted — and nothing for a reorder", () => {
    const changes = offerChanges(fixture("preview-mixed.json"));
    expect(changes.map((c) => [c.name, c.verdict, c.replaceReasons])).toEqual([
      ["help-centre", "update", []],
      ["kitchen-sink", "replace", ["apiUrl"]],
      ["summer-sale", "delete", []],
    ]);
  });

  it("reviews the payout change, the replacement and the delete in words", () => {
    const { markdown, violations } = reviewPreview(fixture("preview-mixed.json"), DEFAULT_SETTINGS);
    expect(markdown).toContain("**1 offer changed, 1 replaced, 1 deleted; 1 payout raised**");
    expect(markdown).toContain(
      "| all but RU, US · desktop · goal 2 · sub1=abc | 50 USD → **55 USD** | 100 USD | 50 USD → 45 USD |",
    );
    expect(markdown).toContain("**This replaces the offer** because `apiUrl` changed");
    expect(markdown).toContain("**This deletes the offer from Affise.**");
    expect(markdown).not.toContain("app-install");
    expect(markdown).not.toContain("[secret]");
    expect(markdown).not.toContain("apiKey");
    expect(violations).toEqual([]);
  });

  it("tells drift found by --refresh apart from the change under review", () => {
    const [change] = offerChanges(fixture("preview-refresh-drift.json"));
    expect(change.before?.title).toBe("Edited by hand");
    expect(change.drifted?.title).toBe("Help-centre example");
    const { markdown } = reviewPreview(fixture("preview-refresh-drift.json"), DEFAULT_SETTINGS);
    expect(markdown).toContain(
      "Changed in Affise since the last apply (`title`); merging puts back what the files declare.",
    );
    expect(markdown).toContain("55 USD → **57 USD**");
  });

  it("tells an adoption from a new offer: Affise gets none, an existing one is taken over", () => {
    const changes = offerChanges(fixture("preview-adopt.json"));
    expect(changes.map((c) => [c.name, c.verdict, c.id, c.replaceReasons])).toEqual([
      ["spring", "replace", "1", ["adoptId"]],
      ["legacy", "adopt", "2", []],
    ]);
    const { markdown } = reviewPreview(fixture("preview-adopt.json"), DEFAULT_SETTINGS);
    expect(markdown).toContain("**1 offer adopted, 1 replaced**");
    expect(markdown).toContain("### 🤝 Adopted: `legacy` — Legacy (Affise id 2)");
    expect(markdown).toContain(
      "**This takes over Affise offer 2**: it keeps its id, tracking links and statistics, and is set to what the file declares.",
    );
    expect(markdown).toContain("| US · desktop · goal 1 | 50 USD | 100 USD | 50 USD |");
    expect(markdown).not.toContain("Created");
    expect(markdown).not.toContain("created");
  });

  it("says what a replacement that adopts another offer does to both, by the old one's deletePolicy", () => {
    const { markdown } = reviewPreview(fixture("preview-adopt.json"), DEFAULT_SETTINGS);
    expect(markdown).toContain(
      "**This replaces the offer** because `adoptId` changed: Affise offer 3 is taken over (it keeps its id, tracking links and statistics) and set to what the file declares; the old one, Affise id 1, is stopped and kept (deletePolicy: stop).",
    );
    expect(markdown).not.toContain("Affise gets a new offer");
    expect(markdown).toContain(
      "A preview cannot see Affise offer 3's values: where they differ from the file, merging overwrites them, and they are not listed here (`affise-review --read-affise` reads them).",
    );
  });

  it("says so when a preview changes no offer", () => {
    const { markdown } = reviewPreview(fixture("preview-no-changes.json"), DEFAULT_SETTINGS);
    expect(markdown).toContain("**No offer changes.**");
  });

  it("refuses what is not a preview, in one sentence", () => {
    expect(() => parsePreviewJson("Previewing update (dev):")).toThrow(
      "the preview is not JSON: run `pulumi preview --json` and pass what it printed on stdout",
    );
    expect(() => parsePreviewJson('{"steps": [{"op": "update"}]}')).toThrow(
      "the preview JSON has no list of steps with an op and a urn each",
    );
  });
});

describe("the README's example comment", () => {
  it("is what the review writes for the mixed preview (up to table padding)", () => {
    const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## The review comment and guardrails"));
    const shown = /```markdown\n([\s\S]*?)\n```/.exec(section)?.[1] ?? "";
    const { markdown } = reviewPreview(fixture("preview-mixed.json"), DEFAULT_SETTINGS, {
      files: new Map([
        ["help-centre", "offers/help-centre.yaml"],
        ["kitchen-sink", "offers/kitchen-sink.yaml"],
        ["summer-sale", "offers/summer-sale.yaml"],
      ]),
    });
    const loose = (text: string) =>
      text
        .trim()
        .split("\n")
        .map((line) => line.replace(/-{3,}/g, "---").replace(/\s+/g, " ").trim())
        .join("\n");
    expect(loose(shown)).toBe(loose(markdown));
  });
});
