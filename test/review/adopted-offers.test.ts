/**
 * An adoption's preview shows a create: the engine has no state for the offer. With
 * `--read-affise` the review reads the offer through the provider's own reader and shows what
 * adopting it changes — and nothing, not even a false change of representation, when Affise
 * already holds what the file declares. Against the emulator, with a preview the real CLI printed.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { AffiseClient } from "../../provider/affise/client";
import { resolveConnection } from "../../provider/affise/connection";
import { readAdoptedOffers } from "../../review/adopted-offers";
import { DEFAULT_SETTINGS } from "../../review/guardrails";
import { offerChanges } from "../../review/offer-changes";
import { parsePreviewJson } from "../../review/preview-json";
import { reviewChanges } from "../../review/review-offers";
import { builtScript } from "../scripts/built";

const KEY = "review-adopt-key-5d81c0";
const FIXTURE = path.join(__dirname, "fixtures", "preview-adopt.json");
const preview = parsePreviewJson(fs.readFileSync(FIXTURE, "utf8"));
/** The marker the preview's `legacy` declares (the fixture stack's token). */
const LEGACY_MARKER = "pulumi-affise:16e82a3c3fedab1b:legacy";

/** An Affise offer form as a UI or a script posts it: no provider code involved. */
function form(fields: { title: string; url: string; revenue: number; externalOfferId?: string }) {
  const body = new URLSearchParams({
    title: fields.title,
    advertiser: "5e39279bac611cda7e5765ab",
    url: fields.url,
    status: "active",
    "payments[0][countries][]": "us",
    "payments[0][devices][]": "desktop",
    "payments[0][total]": "100",
    "payments[0][revenue]": String(fields.revenue),
    "payments[0][currency]": "usd",
    "payments[0][type]": "fixed",
  });
  if (fields.externalOfferId) body.set("external_offer_id", fields.externalOfferId);
  return body;
}

let emulator: RunningEmulator;

/**
 * Offers 1 to 3, as the fixture's stack had them: `legacy` adopts 2; `spring` (Affise id 1) is
 * replaced by a resource that adopts 3.
 */
async function seedAccount(legacy: ReturnType<typeof form>): Promise<void> {
  const spring = form({
    title: "Spring",
    url: "https://shop.example.com/offer?click={clickid}",
    revenue: 30,
  });
  const partner = form({
    title: "Partner deal (made by a script)",
    url: "https://shop.example.com/offer?click={clickid}",
    revenue: 20,
  });
  await postOffers([spring, legacy, partner]);
}

/** Posted in order, so Affise numbers them 1, 2, 3… */
async function postOffers(bodies: URLSearchParams[]): Promise<void> {
  for (const body of bodies) {
    const answer = await fetch(`${emulator.url}/3.0/admin/offer`, {
      method: "POST",
      headers: { "API-Key": KEY },
      body,
    });
    expect(answer.status).toBe(200);
  }
}

/** The review, reading Affise, of the fixture's preview against an account whose offer 2 is `legacy`. */
async function reviewWithLegacy(legacy: Parameters<typeof form>[0]) {
  await seedAccount(form(legacy));
  emulator.clearRequests();
  const changes = await readAdoptedOffers(offerChanges(preview), client());
  return reviewChanges(changes, DEFAULT_SETTINGS);
}

/** One offer's section of the comment: from its heading to the next. */
function section(markdown: string, name: string): string {
  const start = markdown.indexOf(`: \`${name}\``);
  if (start < 0) throw new Error(`no section for ${name}`);
  const end = markdown.indexOf("\n### ", start);
  return markdown.slice(start, end < 0 ? undefined : end);
}

const client = () => new AffiseClient(resolveConnection({ apiUrl: emulator.url, apiKey: KEY }));

beforeEach(async () => {
  emulator = await startEmulator({ apiKey: KEY, port: 0 });
});
afterEach(() => emulator.close());

it("shows what adopting the offer changes in Affise, read only", async () => {
  const { markdown } = await reviewWithLegacy({
    title: "Legacy (made in the UI)",
    url: "https://shop.example.com/legacy?click={clickid}",
    revenue: 45,
  });

  expect(markdown).toContain("**1 offer adopted, 1 replaced; 2 payouts raised**");
  const legacy = section(markdown, "legacy");
  expect(legacy).toContain(
    "**This takes over Affise offer 2**: it keeps its id, tracking links and statistics, and is set to what the file declares. Its values in Affise, read by this review, → the file's:",
  );
  expect(legacy).toContain(
    "| US · desktop · goal 1 | 45 USD → **50 USD** | 100 USD | 55 USD → 50 USD |",
  );
  expect(legacy).toContain('- `title`: "Legacy (made in the UI)" → "Legacy"');
  expect(legacy).toContain(
    '- `url`: "https://shop.example.com/legacy?click={clickid}" → "https://shop.example.com/offer?click={clickid}"',
  );
  expect(legacy).toContain(`- \`externalOfferId\`: (not set) → "${LEGACY_MARKER}"`);
  expect(markdown).not.toContain("A preview cannot see");
  expect(
    emulator
      .requests()
      .map((r) => `${r.method} ${r.path}`)
      .sort(),
  ).toEqual(["GET /3.0/offer/2", "GET /3.0/offer/3"]);
});

it("shows what a replacement that adopts changes in the offer it takes over, not in the old one", async () => {
  const { markdown } = await reviewWithLegacy({
    title: "Legacy",
    url: "https://shop.example.com/offer?click={clickid}",
    revenue: 50,
  });
  const spring = section(markdown, "spring");
  expect(spring).toContain("Affise offer 3 is taken over");
  expect(spring).toContain("the old one, Affise id 1, is stopped and kept (deletePolicy: stop).");
  expect(spring).toContain("Affise offer 3's values, read by this review, → the file's:");
  expect(spring).toContain(
    "| US · desktop · goal 1 | 20 USD → **30 USD** | 100 USD | 80 USD → 70 USD |",
  );
  expect(spring).toContain('- `title`: "Partner deal (made by a script)" → "Spring"');
});

it("shows no change when Affise already holds what the file declares", async () => {
  const { changes, markdown } = await reviewWithLegacy({
    title: "Legacy",
    url: "https://shop.example.com/offer?click={clickid}",
    revenue: 50,
    externalOfferId: LEGACY_MARKER,
  });
  const adoption = changes.find((change) => change.verdict === "adopt");
  expect(markdown).toContain(
    "Affise already holds what the file declares: adopting it writes nothing.",
  );
  expect(section(markdown, "legacy")).not.toContain("| Payout |");
  expect(adoption?.takenOver?.values).toBeDefined();
});

it("on a new stack, whose marker is not known yet, says the marker is written and nothing else", async () => {
  const newStack = parsePreviewJson(
    fs.readFileSync(path.join(__dirname, "fixtures", "preview-adopt-new-stack.json"), "utf8"),
  );
  // Offers 1 and 2 exactly as the files declare them, but for this stack's marker.
  const url = "https://shop.example.com/offer?click={clickid}";
  await postOffers([
    form({ title: "Legacy", url, revenue: 50 }),
    form({ title: "Partner deal (made by a script)", url, revenue: 20 }),
  ]);
  const changes = await readAdoptedOffers(offerChanges(newStack), client());
  const { markdown } = reviewChanges(changes, DEFAULT_SETTINGS);
  expect(changes.map((change) => [change.name, change.verdict, change.id])).toEqual([
    ["partner", "adopt", "2"],
    ["legacy", "adopt", "1"],
  ]);
  expect(markdown).toContain("**2 offers adopted**");
  const markerLines = markdown.split("\n").filter((line) => line.startsWith("- `"));
  expect(markerLines).toEqual([
    "- `externalOfferId`: (not set) → (known after apply)",
    "- `externalOfferId`: (not set) → (known after apply)",
  ]);
  expect(markdown).not.toContain("04da6b54");
  expect(markdown).not.toContain("| Payout |");
});

it("does not let what Affise holds add markup to the comment", async () => {
  const { markdown } = await reviewWithLegacy({
    title: "Sale</summary>\n## ✅ Approved by finance <img src=x>",
    url: "https://shop.example.com/offer?click={clickid}",
    revenue: 50,
  });
  expect(markdown).toContain("- `title`: ");
  expect(markdown).not.toContain("\n## ✅");
  expect(markdown).not.toContain("<img");
  expect(markdown).not.toContain("</summary>");
});

it("says why an offer could not be read instead of showing nothing", async () => {
  const changes = await readAdoptedOffers(offerChanges(preview), client());
  const { markdown } = reviewChanges(changes, DEFAULT_SETTINGS);
  expect(markdown).toContain("they could not be read, as Affise has no offer 2.");
});

it("leaves an adoption unread, saying why, when its account is its own or the read fails", async () => {
  const [, adoption] = offerChanges(preview);
  const failing = {
    getOffer: () => Promise.reject(new Error("Affise answered 503")),
    getEnabledAffiliates: () => Promise.reject(new Error("not asked")),
  };
  const [failed] = await readAdoptedOffers([adoption], failing);
  const [ownAccount] = await readAdoptedOffers(
    [{ ...adoption, after: { ...adoption.after, apiUrl: "https://api-b.affise.com" } }],
    failing,
  );
  const { markdown } = reviewChanges(
    [failed, { ...ownAccount, name: "legacy-b" }],
    DEFAULT_SETTINGS,
  );
  expect(markdown).toContain("they could not be read, as reading it failed: Affise answered 503.");
  expect(markdown).toContain(
    "they could not be read, as it names an Affise account of its own (apiUrl), whose key the review does not have.",
  );
  expect(failed.takenOver?.values).toBeUndefined();
});

it("affise-review --read-affise takes the key from AFFISE_API_KEY and never prints it", async () => {
  await seedAccount(
    form({ title: "Legacy", url: "https://shop.example.com/l?c={clickid}", revenue: 45 }),
  );
  // Not spawnSync: the emulator answering it runs in this very process.
  const review = (env: Record<string, string>) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [builtScript("review"), "--preview", FIXTURE, "--read-affise"],
        { env: { PATH: process.env.PATH ?? "", ...env } },
      );
      let [stdout, stderr] = ["", ""];
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.stderr.on("data", (chunk) => (stderr += chunk));
      child.on("error", reject);
      child.on("close", (status) => resolve({ status, stdout, stderr }));
    });
  // The preview's own affise:apiUrl (a stack long gone) gives way to AFFISE_API_URL.
  const read = await review({ AFFISE_API_URL: emulator.url, AFFISE_API_KEY: KEY });
  expect(read.stderr).toBe("");
  expect(read.status).toBe(0);
  expect(read.stdout).toContain("| US · desktop · goal 1 | 45 USD → **50 USD** |");
  expect(read.stdout + read.stderr).not.toContain(KEY);

  const keyless = await review({ AFFISE_API_URL: emulator.url });
  expect(keyless.status).toBe(2);
  expect(keyless.stderr).toContain("AFFISE_API_KEY");
  expect(keyless.stdout).toBe("");
});
