/**
 * `npm run export` against the emulator seeded with 300 varied offers, on a tenant that reads
 * codes back in lower case and on one that reads them back as sent: every offer becomes one
 * file that validates and declares exactly what the provider's reader makes of Affise's answer
 * (so adopting it changes nothing), with reads only; an interrupted export resumes; nothing is
 * overwritten without --force.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { checkOffer } from "../../provider/check";
import { AffiseClient } from "../../provider/affise/client";
import { resolveConnection } from "../../provider/affise/connection";
import { canonicalJson } from "../../provider/canonical";
import { loadOfferFiles, type OfferFile } from "../../program/offers/offer-files";
import { inputsFromState, stateFromAffise } from "../../provider/read-model";
import { exportOffers, type ExportOptions } from "../../scripts/export/export-offers";
import { EXPORT_TIME_PREFIX } from "../../scripts/export/offer-yaml";
import { Progress } from "../../scripts/export/progress";
import { seedAccount, seedAffiliates, seedForm } from "./seed-account";

const COUNT = 300;
const API_KEY = "export-suite-key-7d1f";

describe.each(["lower", "as-sent"] as const)("a tenant reading codes back %s", (codeCase) => {
  let emulator: RunningEmulator;
  let dir: string;
  let ids: number[];
  let files: OfferFile[];

  beforeAll(async () => {
    emulator = await startEmulator({ apiKey: API_KEY, port: 0, codeCase });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `export-${codeCase}-`));
    ids = await seedAccount(emulator.url, API_KEY, COUNT);
  }, 120_000);
  afterAll(async () => {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const client = (maxRetries = 2) =>
    new AffiseClient({
      ...resolveConnection({ apiUrl: emulator.url, apiKey: API_KEY }),
      maxRetries,
      maxRequestsPerSecond: 500,
    });

  const run = (outDir: string, options: Partial<ExportOptions> = {}, retries = 2) =>
    exportOffers(client(retries), { outDir, ...options });

  const read = (file: string) => fs.readFileSync(file, "utf8");
  const withoutExportTime = (text: string) =>
    text
      .split("\n")
      .filter((line) => !line.startsWith(EXPORT_TIME_PREFIX))
      .join("\n");
  const folder = (out: string) =>
    Object.fromEntries(
      fs
        .readdirSync(out)
        .sort()
        .map((f) => [f, read(path.join(out, f))]),
    );

  describe("an export of 300 offers", () => {
    const out = () => path.join(dir, "offers");

    it("writes one file per offer, with reads only: 3 listing pages and one access list per restricted offer", async () => {
      emulator.clearRequests();
      const summary = await run(out());
      expect(summary).toMatchObject({ listed: COUNT, failed: [], invalid: [], skipped: [] });
      expect(summary.written).toHaveLength(COUNT);
      const requests = emulator.requests();
      expect(requests.filter((r) => r.method !== "GET")).toEqual([]);
      expect(requests.filter((r) => r.path === "/3.0/offers")).toHaveLength(3);
      const restricted = ids.filter((_, i) =>
        ["protected", "private"].includes(seedForm(i).privacy as string),
      );
      expect(requests.filter((r) => r.path.endsWith("/privacy"))).toHaveLength(restricted.length);
      expect(requests).toHaveLength(3 + restricted.length);
    });

    it("validates with 0 problems, one adoptId per offer", () => {
      const loaded = loadOfferFiles(out());
      expect(loaded.errors).toEqual([]);
      files = loaded.offers;
      expect(files.map((f) => f.args.adoptId).sort((a, b) => Number(a) - Number(b))).toEqual(ids);
    });

    it("declares exactly what a refresh would read back from Affise: a just-exported offer diffs empty", async () => {
      const affise = client();
      const differing: string[] = [];
      for (const file of files) {
        const declared = checkOffer(file.args as unknown as Record<string, unknown>);
        expect(declared.failures).toEqual([]);
        const offer = (await affise.getOffer(String(file.args.adoptId)))!;
        const affiliates =
          declared.inputs.enabledAffiliates === undefined
            ? undefined
            : await affise.getEnabledAffiliates(offer.id);
        const refreshed = inputsFromState(stateFromAffise(offer, declared.inputs, affiliates));
        if (canonicalJson(refreshed) !== canonicalJson(declared.inputs)) differing.push(file.file);
      }
      expect(differing).toEqual([]);
    });

    it("uses every field the provider manages, in both code cases as Affise was given them", () => {
      const used = new Set(files.flatMap((f) => Object.keys(f.args)));
      expect([...used].sort()).toEqual(
        [
          "adoptId",
          "advertiser",
          "caps",
          "categories",
          "deletePolicy",
          "description",
          "enabledAffiliates",
          "externalOfferId",
          "holdPeriod",
          "holdType",
          "isCpi",
          "isTop",
          "kpi",
          "landings",
          "notes",
          "partnerPayments",
          "payments",
          "privacy",
          "startAt",
          "status",
          "stopDate",
          "tags",
          "targeting",
          "title",
          "trafficbackUrl",
          "url",
          "urlPreview",
        ].sort(),
      );
      const seededCodes = ids.map(
        (_, i) => (seedForm(i).payments as { currency: string }[])[0].currency,
      );
      expect(new Set(seededCodes)).toEqual(new Set(["EUR", "eur"]));
      const exportedCodes = files.flatMap((f) => f.args.payments as { currency: string }[]);
      expect(new Set(exportedCodes.map((p) => p.currency))).toEqual(new Set(["EUR", "USD"]));
    });

    it("restricted offers list the affiliates with access", () => {
      const i = ids.findIndex((_, k) => seedAffiliates(k).length > 0);
      const file = files.find((f) => f.args.adoptId === ids[i])!;
      expect(file.args.enabledAffiliates).toEqual([...seedAffiliates(i)].sort((a, b) => a - b));
    });

    it("names files by title, de-duplicated with the offer id, and heads each with its id and time", () => {
      const names = fs.readdirSync(out());
      expect(names).toContain("summer-sale.yaml");
      const twin = ids[40];
      expect(names).toContain(`summer-sale-${twin}.yaml`);
      expect(names).toContain(`offer-${ids[30]}.yaml`); // titled "???"
      const text = read(path.join(out(), `summer-sale-${twin}.yaml`));
      expect(text.split("\n")[0]).toMatch(
        new RegExp(`^# Affise offer ${twin} \\(offer_id [0-9a-f]{24}\\)`),
      );
      expect(text.split("\n")[1]).toMatch(/^# Exported at \d{4}-\d{2}-\d{2}T/);
      expect(text).toMatch(
        /^# Not managed by pulumi-affise, left as they are in Affise: [^]*#\s+.*use_https\.$/m,
      );
    });

    it("writes payments in a stable order: a second export gives the same files, apart from the export time", async () => {
      const again = path.join(dir, "again");
      await run(again);
      const first = folder(out());
      const second = folder(again);
      expect(Object.keys(second)).toEqual(Object.keys(first));
      for (const name of Object.keys(first))
        expect(withoutExportTime(second[name])).toBe(withoutExportTime(first[name]));
    });
  });

  describe("resuming and overwriting", () => {
    it("an interrupted export continues where it stopped: files written are skipped and reported", async () => {
      const out = path.join(dir, "interrupted");
      let handled = 0;
      const progress = new Progress({ write: () => {} });
      const tick = progress.tick.bind(progress);
      // After the first page's offers, Affise starts failing: the listing of page 2 fails.
      progress.tick = () => {
        tick();
        if (++handled === 100) emulator.setFaults({ failNext: { count: 1_000, status: 500 } });
      };
      await expect(run(out, { progress }, 0)).rejects.toThrow(/500/);
      emulator.setFaults({ failNext: { count: 0, status: 500 } });
      const firstRun = folder(out);
      expect(Object.keys(firstRun)).toHaveLength(100);

      const resumed = await run(out);
      expect(resumed.skipped).toHaveLength(100);
      expect(resumed.written).toHaveLength(COUNT - 100);
      expect(resumed.skipped.map((s) => s.id).sort()).toEqual(ids.slice(0, 100).map(String).sort());
      const after = folder(out);
      expect(Object.keys(after)).toHaveLength(COUNT);
      for (const [name, text] of Object.entries(firstRun)) expect(after[name]).toBe(text);
    });

    it("never overwrites a file without --force; --force rewrites it in place", async () => {
      const out = path.join(dir, "offers");
      const file = path.join(out, "summer-sale.yaml");
      const edited = `${read(file)}# my note\n`;
      fs.writeFileSync(file, edited);
      const again = await run(out, { ids: [String(ids[0])] });
      expect(again.skipped).toEqual([{ id: String(ids[0]), file }]);
      expect(read(file)).toBe(edited);

      const forced = await run(out, { ids: [String(ids[0])], force: true });
      expect(forced.written).toEqual([{ id: String(ids[0]), file }]);
      expect(read(file)).not.toContain("# my note");
      expect(fs.readdirSync(out)).toHaveLength(COUNT);
    });

    it("a hand-written file adopting an offer counts as that offer's file", async () => {
      const out = path.join(dir, "hand-written");
      fs.mkdirSync(out);
      const mine = path.join(out, "my-offer.yaml");
      fs.writeFileSync(mine, `title: Mine\nadoptId: ${ids[5]}\n`);
      const summary = await run(out, { ids: [String(ids[5]), String(ids[6])] });
      expect(summary.skipped).toEqual([{ id: String(ids[5]), file: mine }]);
      expect(summary.written).toHaveLength(1);
    });
  });

  it("a start date already past is not declared (Affise keeps it; it refuses it as a new start)", async () => {
    const out = path.join(dir, "later");
    const inAYear = new Date(Date.now() + 366 * 86_400_000);
    await run(out, { ids: [String(ids[3])], now: () => inAYear });
    const [file] = loadOfferFiles(out).offers;
    expect(file.args.startAt).toBeUndefined();
    expect(file.args.stopDate).toBeDefined();
  });
});
