/**
 * An existing account brought under management with the real Pulumi CLI: its offers exported to
 * an offers repository, the review of the first preview (reading Affise) shows each adoption
 * writing only this stack's marker, `pulumi up` adopts them (nothing created, one write only where
 * that marker must be attached), `pulumi preview --refresh` finds nothing to change, a
 * re-export gives the same files, and a payment changed in Affise shows as that one change.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { AffiseClient } from "../../provider/affise/client";
import { resolveConnection } from "../../provider/affise/connection";
import { readAdoptedOffers } from "../../review/adopted-offers";
import { DEFAULT_SETTINGS } from "../../review/guardrails";
import { offerChanges } from "../../review/offer-changes";
import { parsePreviewJson } from "../../review/preview-json";
import { reviewChanges } from "../../review/review-offers";
import { exportOffers } from "../../scripts/export/export-offers";
import { EXPORT_TIME_PREFIX } from "../../scripts/export/offer-yaml";
import { editInAffise, seedAccount, seedForm } from "../export/seed-account";
import { describeWithPulumi } from "./cli";
import { E2eStack, type Json } from "../../harness/cli-stack";

const PROGRAM = `const affise = require("pulumi-affise/program");
exports.offers = affise.offerSummaries(affise.declareOffers("offers"));
`;
/**
 * Offer i varies by i modulo 2..10: 20 offers hold every field and case the seed makes.
 * ADOPT_EXPORTED_OFFERS=300 runs the full-size account (README figures).
 */
const COUNT = Number(process.env.ADOPT_EXPORTED_OFFERS ?? 20);
const API_KEY = "adopt-e2e-key-6f20a1d4";

describeWithPulumi("an exported account adopted with the real Pulumi CLI", (cli) => {
  jest.setTimeout(300_000 + COUNT * 3_000);
  let emulator: RunningEmulator;
  let stack: E2eStack;
  let ids: number[];
  const offersDir = () => path.join(stack.programDir, "offers");
  const writes = () => emulator.requests().filter((r) => r.method !== "GET");
  const exportTo = (outDir: string) =>
    exportOffers(new AffiseClient(resolveConnection({ apiUrl: emulator.url, apiKey: API_KEY })), {
      outDir,
    });
  const files = (dir: string) =>
    Object.fromEntries(
      fs
        .readdirSync(dir)
        .sort()
        .map((name) => [
          name,
          fs
            .readFileSync(path.join(dir, name), "utf8")
            .split("\n")
            .filter((line) => !line.startsWith(EXPORT_TIME_PREFIX))
            .join("\n"),
        ]),
    );

  beforeAll(async () => {
    emulator = await startEmulator({ apiKey: API_KEY });
    ids = await seedAccount(emulator.url, API_KEY, COUNT);
    stack = new E2eStack(cli, "production", "affise-offers");
    stack.writeFile("index.js", PROGRAM);
    await stack.init(emulator.url, API_KEY);
  });
  afterAll(async () => {
    await emulator?.close();
    stack?.remove();
  });

  const ownId = (i: number) => seedForm(i).external_offer_id !== undefined;

  it("the review of the first preview, reading Affise, shows each adoption writing the marker and nothing else", async () => {
    const summary = await exportTo(offersDir());
    expect(summary.written).toHaveLength(COUNT);
    const preview = parsePreviewJson((await stack.ok(["preview", "--json"])).stdout);
    const client = new AffiseClient(resolveConnection({ apiUrl: emulator.url, apiKey: API_KEY }));
    const changes = await readAdoptedOffers(offerChanges(preview), client);
    expect(
      changes.filter((change) => change.verdict === "adopt" && change.takenOver?.values),
    ).toHaveLength(COUNT);
    const { markdown } = reviewChanges(changes, DEFAULT_SETTINGS);
    const fieldLines = markdown.split("\n").filter((line) => line.startsWith("- `"));
    const needMarker = ids.filter((_, i) => !ownId(i)).length;
    expect(fieldLines).toEqual(
      Array(needMarker).fill("- `externalOfferId`: (not set) → (known after apply)"),
    );
    expect(markdown.split("adopting it writes nothing").length - 1).toBe(COUNT - needMarker);
    expect(markdown).not.toContain("| Payout |");
  });

  it("up over the exported files adopts every offer: none created, one write only where the marker is missing", async () => {
    const before = emulator.offers().length;
    emulator.clearRequests();

    await stack.ok(["up", "--yes"]);

    expect(emulator.offers()).toHaveLength(before);
    const paths = writes().map((w) => w.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect([...paths].sort()).toEqual(
      ids
        .filter((_, i) => !ownId(i))
        .map((id) => `/3.0/admin/offer/${id}`)
        .sort(),
    );
    const offers = (await stack.resources()).filter((r) => r.type.endsWith("affise:Offer"));
    expect(offers.map((r) => Number(r.id)).sort((a, b) => a - b)).toEqual(ids);
  });

  it("preview --refresh finds nothing to change, and nothing is written", async () => {
    emulator.clearRequests();
    await stack.ok(["preview", "--refresh", "--expect-no-changes"]);
    expect(writes()).toEqual([]);
  });

  it("a re-export after up gives the same files, apart from the export time", async () => {
    const again = path.join(stack.dir, "again");
    await exportTo(again);
    expect(files(again)).toEqual(files(offersDir()));
  });

  it("a payment changed in Affise shows in preview --refresh as that one change", async () => {
    const i = 7;
    const payments = seedForm(i).payments as Json[];
    const stored = emulator.offers().find((o) => o.id === ids[i]) as Json;
    const changed = payments.map((p, k) => ({
      ...p,
      id: stored.payments[k].id,
      revenue: k === 0 ? 7.75 : p.revenue,
    }));
    await editInAffise(emulator.url, API_KEY, ids[i], { payments: changed });

    const preview = await stack.ok(["preview", "--refresh", "--diff"]);
    expect(preview.stdout).toMatch(/~ 1 to update/);
    expect(preview.stdout.replace(/\s+/g, " ")).toMatch(/revenue\s*:\s*7\.75 => 6\.5/);
  });

  it("no key in the state or in anything Pulumi printed", async () => {
    expect(await stack.exportText()).not.toContain(API_KEY);
    expect(stack.transcript.join("\n")).not.toContain(API_KEY);
  });
});
