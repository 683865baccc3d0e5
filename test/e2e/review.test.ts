/**
 * The reviewer's view through the real Pulumi CLI: `pulumi preview --json` of an offers
 * repository turned into the review comment, and the guardrails policy pack failing and passing
 * each of its rules in `pulumi preview --policy-pack`.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { guardrailSettings } from "../../review/guardrail-config";
import { parsePreviewJson } from "../../review/preview-json";
import { reviewPreview } from "../../review/review-offers";
import { describeWithPulumi } from "./cli";
import { E2eStack, ROOT } from "../../harness/cli-stack";

const KEY = "review-e2e-key-4f1c29";
const POLICY_PACK = path.join(ROOT, "policy");
const PROGRAM = `const affise = require("pulumi-affise/program");
affise.declareOffers("offers");
`;

interface Payout {
  countries: string[];
  devices?: string[];
  total: number;
  revenue: number;
  currency: string;
}

function offerFile(title: string, payouts: Payout[], status = "stopped"): string {
  const lines = [
    `title: ${title}`,
    `status: ${status}`,
    "advertiser: 5e39279bac611cda7e5765ab",
    "url: https://shop.example.com/offer?click={clickid}",
    "payments:",
  ];
  for (const p of payouts) {
    lines.push(`  - countries: [${p.countries.join(", ")}]`);
    if (p.devices) lines.push(`    devices: [${p.devices.join(", ")}]`);
    lines.push(`    total: ${p.total}`, `    revenue: ${p.revenue}`);
    lines.push(`    currency: ${p.currency}`, "    type: fixed");
  }
  return `${lines.join("\n")}\n`;
}

const usDesktop = (revenue: number, total = 100): Payout => ({
  countries: ["US"],
  devices: ["desktop"],
  total,
  revenue,
  currency: "USD",
});
const deAll: Payout = { countries: ["DE"], total: 80, revenue: 40, currency: "EUR" };

describeWithPulumi("the review comment and the guardrails through the real Pulumi CLI", (cli) => {
  jest.setTimeout(600_000);
  let stack: E2eStack;
  let emulator: RunningEmulator;

  const previewJson = async (...flags: string[]) => {
    const result = await stack.ok(["preview", "--json", ...flags]);
    return parsePreviewJson(result.stdout);
  };
  const policyPreview = (config: object) => {
    const file = path.join(stack.dir, "guardrails.json");
    fs.writeFileSync(file, JSON.stringify(config));
    return stack.run(["preview", "--policy-pack", POLICY_PACK, "--policy-pack-config", file]);
  };

  beforeAll(async () => {
    emulator = await startEmulator({ apiKey: KEY });
    stack = new E2eStack(cli, "review", "affise-review");
    stack.writeFile("index.js", PROGRAM);
    stack.writeFile("offers/summer.yaml", offerFile("Summer", [usDesktop(50), deAll]));
    stack.writeFile("offers/spring.yaml", offerFile("Spring", [usDesktop(30)], "active"));
    await stack.init(emulator.url, KEY);
    await stack.ok(["up", "--yes"]);
  });
  afterAll(async () => {
    await emulator?.close();
    stack?.remove();
  });

  it("shows a payout change on its payout with the margin, and a reorder as nothing", async () => {
    stack.writeFile("offers/summer.yaml", offerFile("Summer", [deAll, usDesktop(55)]));
    const { markdown, changes } = reviewPreview(await previewJson(), guardrailSettings(undefined));
    expect(changes.map((c) => [c.name, c.verdict])).toEqual([["summer", "update"]]);
    expect(markdown).toContain("**1 offer changed; 1 payout raised**");
    expect(markdown).toContain(
      "| US · desktop · goal 1 | 50 USD → **55 USD** | 100 USD | 50 USD → 45 USD |",
    );
    expect(markdown).not.toContain("DE · all devices");
    expect(markdown).not.toContain(KEY);

    stack.writeFile("offers/summer.yaml", offerFile("Summer", [deAll, usDesktop(50)]));
    const reordered = reviewPreview(await previewJson(), guardrailSettings(undefined));
    expect(reordered.changes).toEqual([]);
    expect(reordered.markdown).toContain("**No offer changes.**");
  });

  it.each([
    ["affise-min-margin", { percent: 10 }, [usDesktop(95)], [usDesktop(85)]],
    ["affise-allowed-currencies", { currencies: ["USD"] }, [usDesktop(50), deAll], [usDesktop(50)]],
    ["affise-max-payout", { perCurrency: { USD: 60 } }, [usDesktop(65)], [usDesktop(55)]],
  ] as const)(
    "the policy pack's %s stops the preview when broken and lets it through when kept",
    async (rule, settings, broken, kept) => {
      const config = { [rule]: { enforcementLevel: "mandatory", ...settings } };
      stack.writeFile("offers/summer.yaml", offerFile("Summer", [...broken]));
      const failed = await policyPreview(config);
      expect(failed.code).not.toBe(0);
      expect(failed.stdout).toContain(`[mandatory]  ${rule}`);
      expect(failed.stdout).toContain("summer:");

      stack.writeFile("offers/summer.yaml", offerFile("Summer", [...kept]));
      const passed = await policyPreview(config);
      expect(passed.stdout).not.toContain(rule);
      expect(passed.code).toBe(0);
    },
  );

  it("names a 10× payout change and deleting an active offer; the review's exit code stops a mandatory one", async () => {
    stack.writeFile("offers/summer.yaml", offerFile("Summer", [usDesktop(5, 1000), deAll]));
    await stack.ok(["up", "--yes"]);
    stack.writeFile("offers/summer.yaml", offerFile("Summer", [usDesktop(50, 1000), deAll]));
    stack.removeFile("offers/spring.yaml");
    const preview = await stack.ok(["preview", "--json"]);
    const file = path.join(stack.dir, "preview.json");
    fs.writeFileSync(file, preview.stdout);
    const config = path.join(stack.dir, "review-guardrails.json");
    fs.writeFileSync(config, JSON.stringify({ "affise-max-change-ratio": "mandatory" }));

    const review = spawnSync(
      process.execPath,
      [
        path.join(ROOT, "dist", "scripts", "review.js"),
        "--preview",
        file,
        "--policy-config",
        config,
      ],
      { cwd: stack.programDir, encoding: "utf8" },
    );
    expect(review.status).toBe(1);
    expect(review.stdout).toContain("> [!CAUTION]");
    expect(review.stdout).toContain(
      "⛔ **mandatory** `affise-max-change-ratio` · `summer`: payout US · desktop · goal 1: payout 5 → 50 USD, a 10× change (limit 5×)",
    );
    expect(review.stdout).toContain(
      "⚠️ advisory `affise-delete-active-offer` · `spring`: deletes an offer that is active",
    );
    expect(review.stdout).toContain("### 🗑️ Deleted: `spring` — Spring");
    expect(review.stdout).toContain("**This deletes the offer from Affise.**");
    // Back to what the stack holds.
    stack.writeFile("offers/summer.yaml", offerFile("Summer", [usDesktop(5, 1000), deAll]));
    stack.writeFile("offers/spring.yaml", offerFile("Spring", [usDesktop(30)], "active"));
  });

  it("folds the review of 200 new offers under GitHub's comment limit", async () => {
    const moreCountries = ["FR", "IT", "ES"].map((code) => ({ ...deAll, countries: [code] }));
    for (let i = 0; i < 200; i++) {
      const title = `Autumn promotion number ${i} with a long enough title to fill the comment`;
      stack.writeFile(
        `offers/bulk/autumn-${i}.yaml`,
        offerFile(title, [usDesktop(40), deAll, ...moreCountries]),
      );
    }
    const { markdown, changes } = reviewPreview(await previewJson(), guardrailSettings(undefined));
    expect(changes.filter((c) => c.verdict === "create")).toHaveLength(200);
    expect(markdown).toContain("**200 offers created");
    expect(markdown.length).toBeLessThanOrEqual(65_536);
    const shown = (markdown.match(/<details>/g) ?? []).length;
    expect(shown).toBeGreaterThan(0);
    expect(markdown).toContain(`…and ${200 - shown} more offers not shown`);
    fs.rmSync(path.join(stack.programDir, "offers", "bulk"), { recursive: true });
  });
});
