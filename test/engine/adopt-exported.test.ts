/**
 * Bringing an existing account under management, through Pulumi's provider host, on a tenant that
 * reads codes back in lower case and on one that reads them back as sent: an account's offers
 * exported to files, then `pulumi up` over them adopts every offer with at most one write
 * each (the ownership marker, only for offers without an external_offer_id of their own), a
 * preview after it and after a refresh is empty, a re-export gives the same files, and a change
 * made in Affise afterwards is reported as exactly that change.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { declareOffers } from "../../harness/declare-offers";
import type { Declared } from "../../harness/engine";
import { type Stack, startStack } from "../../harness/stack";
import { editInAffise, seedAccount, seedForm } from "../export/seed-account";
import { ownMarker } from "../../provider/lifecycle/ownership";
import { AffiseClient } from "../../provider/affise/client";
import { resolveConnection } from "../../provider/affise/connection";
import { loadOfferFiles } from "../../program/offers/offer-files";
import { exportOffers } from "../../scripts/export/export-offers";
import { EXPORT_TIME_PREFIX } from "../../scripts/export/offer-yaml";

/**
 * Offer i varies by i modulo 2..10 (and repeats a title at 40), so 45 offers hold every case the
 * seed makes. ADOPT_EXPORTED_OFFERS=300 runs the full-size account (README figures).
 */
const COUNT = Number(process.env.ADOPT_EXPORTED_OFFERS ?? 45);
const TIMEOUT_MS = 60_000 + COUNT * 2_000;
jest.setTimeout(TIMEOUT_MS);

describe.each(["lower", "as-sent"] as const)("a tenant reading codes back %s", (codeCase) => {
  let stack: Stack;
  let dir: string;
  let ids: number[];
  let declared: Declared[];

  beforeAll(async () => {
    stack = await startStack({ emulator: { codeCase } });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `adopt-exported-${codeCase}-`));
    ids = await seedAccount(stack.emulator.url, stack.apiKey, COUNT);
  }, TIMEOUT_MS);
  afterAll(async () => {
    await stack.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const client = () =>
    new AffiseClient({
      ...resolveConnection({ apiUrl: stack.emulator.url, apiKey: stack.apiKey }),
      maxRetries: 2,
      maxRequestsPerSecond: 200,
    });

  async function exportTo(out: string) {
    const summary = await exportOffers(client(), { outDir: out });
    expect(summary.failed).toEqual([]);
    return summary;
  }

  async function declareFolder(out: string): Promise<Declared[]> {
    const { offers, errors } = loadOfferFiles(out);
    expect(errors).toEqual([]);
    return declareOffers(offers);
  }

  const withoutExportTime = (text: string) =>
    text
      .split("\n")
      .filter((line) => !line.startsWith(EXPORT_TIME_PREFIX))
      .join("\n");

  function filesOf(out: string): Record<string, string> {
    return Object.fromEntries(
      fs
        .readdirSync(out)
        .sort()
        .map((file) => [file, withoutExportTime(fs.readFileSync(path.join(out, file), "utf8"))]),
    );
  }

  it("up over the exported files adopts every offer: no create, at most one write each", async () => {
    const out = path.join(dir, "offers");
    const summary = await exportTo(out);
    expect(summary.written).toHaveLength(COUNT);
    declared = await declareFolder(out);
    // Changed in Affise after the export: adoption brings the offer back to its file.
    await editInAffise(stack.emulator.url, stack.apiKey, ids[1], { title: "Changed after export" });
    const before = stack.emulator.offers().length;
    stack.emulator.clearRequests();

    const steps = await stack.engine.up(declared);

    expect(steps.filter((s) => s.kind !== "create")).toEqual([]);
    expect(stack.emulator.offers()).toHaveLength(before);
    const writes = stack.emulator.requests().filter((r) => r.method === "POST");
    expect(writes.filter((w) => !/^\/3\.0\/admin\/offer\/\d+$/.test(w.path))).toEqual([]);
    const writesPerOffer = new Map<string, number>();
    for (const w of writes) writesPerOffer.set(w.path, (writesPerOffer.get(w.path) ?? 0) + 1);
    expect(Math.max(...writesPerOffer.values())).toBe(1);
    // An offer with an external_offer_id of its own keeps it and is adopted with no write at all;
    // the others get this stack's marker, the one write adoption needs.
    const ownId = ids.filter((_, i) => seedForm(i).external_offer_id !== undefined);
    expect(ownId.length).toBeGreaterThan(0);
    expect([...writesPerOffer.keys()].sort()).toEqual(
      ids
        .filter((id) => !ownId.includes(id))
        .map((id) => `/3.0/admin/offer/${id}`)
        .sort(),
    );
    const tracked = [...stack.engine.state.values()].map((t) => Number(t.id)).sort((a, b) => a - b);
    expect(tracked).toEqual(ids);
    expect(stack.emulator.offers().find((o) => o.id === ids[1])!.title).toBe(seedForm(1).title);
    // The one write is this stack's ownership mark; an id of the team's own is left as it was.
    const token = String(stack.engine.stackMark!.outputs.token);
    for (const [name, offer] of stack.engine.state) {
      const i = ids.indexOf(Number(offer.id));
      const stored = stack.emulator.offers().find((o) => o.id === ids[i])!;
      expect([name, stored.external_offer_id]).toEqual([
        name,
        seedForm(i).external_offer_id ?? ownMarker(token, name),
      ]);
    }
  });

  it("a preview after it is empty and sends no request, before and after a refresh", async () => {
    stack.emulator.clearRequests();
    const steps = await stack.engine.preview(declared);
    expect(steps.filter((s) => s.kind !== "same")).toEqual([]);
    expect(stack.emulator.requests()).toEqual([]);

    expect(await stack.engine.refresh()).toEqual({ drifted: [], gone: [] });
    stack.emulator.clearRequests();
    const afterRefresh = await stack.engine.preview(declared);
    expect(afterRefresh.filter((s) => s.kind !== "same")).toEqual([]);
    expect(stack.emulator.requests()).toEqual([]);
  });

  it("a re-export after up gives the same files, apart from the export time", async () => {
    const again = path.join(dir, "again");
    await exportTo(again);
    expect(filesOf(again)).toEqual(filesOf(path.join(dir, "offers")));
  });

  it("a change made in Affise afterwards is a drift of exactly that field of that offer", async () => {
    const i = 7;
    const changed = seedForm(i);
    const payments = changed.payments as Record<string, unknown>[];
    payments[0] = { ...payments[0], revenue: 7.75 };
    const stored = stack.emulator.offers().find((o) => o.id === ids[i])!;
    // Resent with their Affise ids, as the UI does: only the amount differs.
    const withIds = payments.map((p, k) => ({
      ...p,
      id: (stored.payments as { id: string }[])[k]?.id,
    }));
    await editInAffise(stack.emulator.url, stack.apiKey, ids[i], { payments: withIds });
    const name = [...stack.engine.state.values()].find((t) => Number(t.id) === ids[i])!.urn;

    const { drifted } = await stack.engine.refresh();
    expect(drifted.map((n) => stack.engine.urn(n))).toEqual([name]);
    const steps = await stack.engine.preview(declared);
    const changedSteps = steps.filter((s) => s.kind !== "same");
    expect(changedSteps).toEqual([
      expect.objectContaining({ kind: "update", inputChanges: ["payments"] }),
    ]);
    expect(stack.engine.urn(changedSteps[0].name)).toBe(name);
  });
});
