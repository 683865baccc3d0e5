/**
 * The whole life of two offers through the real Pulumi CLI against the emulator: up, an empty
 * preview, one changed payment (text and --json), drift found by refresh and put right by up, no
 * key in state, retainOnDelete, protect, destroy.
 */
import { startEmulator, type RunningEmulator } from "../../emulator";
import type { OfferArgs } from "../../provider";
import { describeWithPulumi } from "./cli";
import { offersProgram, type DeclaredOffer } from "../../harness/offers-program";
import { E2eStack, type Json } from "../../harness/cli-stack";

const API_KEY = "e2e-stack-key-7f3c9a51d2";
const ADVERTISER = "5e39279bac611cda7e5765ab";
const TYPE = "pulumi-nodejs:dynamic/affise:Offer";

function springSale(gbTotal = 10): OfferArgs {
  return {
    title: "Spring sale",
    advertiser: ADVERTISER,
    url: "https://shop.example.com/spring?click={clickid}",
    payments: [
      { countries: ["DE"], total: 12, revenue: 7, currency: "EUR", type: "fixed" },
      { countries: ["GB"], total: gbTotal, revenue: 6, currency: "USD", type: "fixed" },
    ],
  };
}

const partnerDeal: OfferArgs = {
  title: "Partner deal",
  advertiser: ADVERTISER,
  url: "https://shop.example.com/partner?click={clickid}",
  payments: [{ countries: ["US"], total: 20, revenue: 15, currency: "USD", type: "fixed" }],
};

describeWithPulumi("the offers' life through the real Pulumi CLI", (cli) => {
  jest.setTimeout(300_000);
  let emulator: RunningEmulator;
  let stack: E2eStack;
  const declare = (offers: DeclaredOffer[]) => stack.writeFile("index.js", offersProgram(offers));
  const offer = (title: string) => emulator.offers().find((o) => o.title === title) as Json;
  const writes = () => emulator.requests().filter((r) => r.method !== "GET");

  beforeAll(async () => {
    emulator = await startEmulator({ apiKey: API_KEY });
    stack = new E2eStack(cli, "e2e", "e2e-offers");
    await stack.init(emulator.url, API_KEY);
  });
  afterAll(async () => {
    await emulator?.close();
    stack?.remove();
  });

  it("pulumi up creates both offers in Affise", async () => {
    declare([
      { name: "spring-sale", args: springSale() },
      { name: "partner-deal", args: partnerDeal },
    ]);
    const up = await stack.ok(["up", "--yes"]);

    expect(up.stdout).toMatch(/\+ 4 created/);
    expect(
      emulator
        .offers()
        .map((o) => o.title)
        .sort(),
    ).toEqual(["Partner deal", "Spring sale"]);
    expect(
      offer("Spring sale")
        .payments.map((p: Json) => Number(p.total))
        .sort(),
    ).toEqual([10, 12]);
  });

  it("then preview --expect-no-changes passes, and sends Affise no write", async () => {
    emulator.clearRequests();
    const preview = await stack.ok(["preview", "--expect-no-changes"]);

    expect(preview.stdout).toMatch(/4 unchanged/);
    expect(writes()).toEqual([]);
  });

  it("one changed payment: the preview text shows exactly that change", async () => {
    declare([
      { name: "spring-sale", args: springSale(11) },
      { name: "partner-deal", args: partnerDeal },
    ]);
    emulator.clearRequests();
    const summary = await stack.ok(["preview"]);
    const detailed = await stack.ok(["preview", "--diff"]);

    for (const { stdout } of [summary, detailed]) {
      expect(stdout).toMatch(/~ 1 to update/);
      expect(stdout).toMatch(/3 unchanged/);
    }
    expect(summary.stdout).toMatch(
      new RegExp(`~ +${TYPE} spring-sale update +\\[diff: ~payments\\]`),
    );
    expect(summary.stdout).not.toContain("partner-deal update");
    expect(detailed.stdout).toContain(`~ ${TYPE}: (update)`);
    expect(detailed.stdout).toContain(`::${TYPE}::spring-sale]`);
    const markedLines = detailed.stdout
      .split("\n")
      .map((line) => line.trim().replace(/\s+/g, " "))
      .filter((line) => /^[~+-] /.test(line) && !line.includes(TYPE));
    expect(markedLines).toEqual([
      "~ payments : [",
      "~ [1]: {",
      "~ total : 10 => 11",
      "~ 1 to update",
    ]);
    expect(writes()).toEqual([]);
  });

  it("and preview --json shows the same one change", async () => {
    const preview = JSON.parse((await stack.ok(["preview", "--json"])).stdout) as Json;

    expect(preview.changeSummary).toEqual({ same: 3, update: 1 });
    const changed = preview.steps.filter((step: Json) => step.op !== "same");
    expect(changed).toHaveLength(1);
    expect(changed[0].urn).toMatch(new RegExp(`::${TYPE}::spring-sale$`));
    expect(differences(changed[0].oldState.inputs, changed[0].newState.inputs)).toEqual([
      "payments.1.total: 10 => 11",
    ]);
  });

  it("pulumi up applies it, and the next preview is empty", async () => {
    const up = await stack.ok(["up", "--yes"]);

    expect(up.stdout).toMatch(/~ 1 updated/);
    expect(
      offer("Spring sale")
        .payments.map((p: Json) => Number(p.total))
        .sort(),
    ).toEqual([11, 12]);
    await stack.ok(["preview", "--expect-no-changes"]);
  });

  it("an edit made in Affise shows as drift on refresh, and up puts it right", async () => {
    const id = offer("Spring sale").id;
    const edit = await fetch(`${emulator.url}/3.0/admin/offer/${id}`, {
      method: "POST",
      headers: { "API-Key": API_KEY, "content-type": "application/x-www-form-urlencoded" },
      body: "title=Spring%20sale%20(edited%20in%20Affise)",
    });
    expect(edit.status).toBe(200);

    const refresh = await stack.ok(["refresh", "--yes", "--diff"]);
    expect(refresh.stdout).toMatch(/~ 1 updated/);
    expect(refresh.stdout).toContain('"Spring sale" => "Spring sale (edited in Affise)"');
    expect((await stack.run(["preview", "--expect-no-changes"])).code).not.toBe(0);

    const up = await stack.ok(["up", "--yes"]);
    expect(up.stdout).toMatch(/~ 1 updated/);
    expect(offer("Spring sale")?.id).toBe(id);
    await stack.ok(["preview", "--expect-no-changes"]);
  });

  it("pulumi stack export holds no API key in plaintext, and no command printed it", async () => {
    const exported = await stack.exportText();

    expect(exported).toContain("spring-sale");
    expect(exported).not.toContain(API_KEY);
    expect(stack.transcript.join("\n")).not.toContain(API_KEY);
  });

  it("retainOnDelete: removing the offer from the program leaves it in Affise", async () => {
    declare([
      { name: "spring-sale", args: springSale(11) },
      { name: "partner-deal", args: partnerDeal, options: { retainOnDelete: true } },
    ]);
    await stack.ok(["up", "--yes"]);
    const kept = offer("Partner deal");
    declare([{ name: "spring-sale", args: springSale(11) }]);
    emulator.clearRequests();
    const up = await stack.ok(["up", "--yes"]);

    expect(up.stdout).toMatch(/- 1 deleted/);
    expect(writes()).toEqual([]);
    expect(offer("Partner deal")).toEqual(kept);
    expect((await stack.resources()).map((r) => r.urn).join()).not.toContain("partner-deal");
  });

  it("protect: pulumi destroy refuses, and the offer stays", async () => {
    declare([{ name: "spring-sale", args: springSale(11), options: { protect: true } }]);
    await stack.ok(["up", "--yes"]);
    emulator.clearRequests();
    const destroy = await stack.run(["destroy", "--yes"]);

    expect(destroy.code).not.toBe(0);
    expect(destroy.stdout + destroy.stderr).toMatch(/protected/);
    expect(writes()).toEqual([]);
    expect(offer("Spring sale")).toBeDefined();
  });

  it("pulumi destroy removes the rest; the retained offer is still in Affise", async () => {
    declare([{ name: "spring-sale", args: springSale(11) }]);
    await stack.ok(["up", "--yes"]);
    const destroy = await stack.ok(["destroy", "--yes"]);

    expect(destroy.stdout).toMatch(/- 3 deleted/);
    expect(emulator.offers().map((o) => o.title)).toEqual(["Partner deal"]);
    expect(await stack.resources()).toEqual([]);
  });
});

/** Leaf-by-leaf differences between two JSON values, as "path: old => new". */
function differences(before: Json, after: Json, at = ""): string[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const bothObjects =
    typeof before === "object" && before !== null && typeof after === "object" && after !== null;
  if (!bothObjects) return [`${at}: ${JSON.stringify(before)} => ${JSON.stringify(after)}`];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.flatMap((key) => differences(before[key], after[key], at ? `${at}.${key}` : key));
}
