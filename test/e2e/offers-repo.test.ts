/**
 * The offers-repository program (`declareOffers("offers")`, one offer per YAML file) through the
 * real Pulumi CLI: one stack per Affise account, and a broken file that stops the preview and the
 * update before anything is touched.
 */
import { startEmulator, type RunningEmulator } from "../../emulator";
import { describeWithPulumi } from "./cli";
import { E2eStack, type Json } from "../../harness/cli-stack";

const PROGRAM = `const affise = require("pulumi-affise/program");
exports.offers = affise.offerSummaries(affise.declareOffers("offers"));
`;

function offerFile(title: string, total: number): string {
  return [
    `title: ${title}`,
    "advertiser: 5e39279bac611cda7e5765ab",
    "url: https://shop.example.com/offer?click={clickid}",
    "payments:",
    "  - countries: [DE]",
    `    total: ${total}`,
    "    revenue: 7",
    "    currency: EUR",
    "    type: fixed",
    "",
  ].join("\n");
}

describeWithPulumi("the offers repository through the real Pulumi CLI", (cli) => {
  jest.setTimeout(300_000);
  const accounts: { stack: E2eStack; emulator: RunningEmulator; key: string }[] = [];
  const writes = (emulator: RunningEmulator) =>
    emulator.requests().filter((r) => r.method !== "GET");

  beforeAll(async () => {
    const production = new E2eStack(cli, "production", "affise-offers");
    const staging = new E2eStack(cli, "staging", "affise-offers", production);
    production.writeFile("index.js", PROGRAM);
    production.writeFile("offers/spring.yaml", offerFile("Spring", 12));
    production.writeFile("offers/mobile/app.yaml", offerFile("App install", 9));
    for (const [stack, key] of [
      [production, "production-key-51ac0e"],
      [staging, "staging-key-93bd11"],
    ] as const) {
      const emulator = await startEmulator({ apiKey: key });
      await stack.init(emulator.url, key);
      accounts.push({ stack, emulator, key });
    }
  });
  afterAll(async () => {
    for (const { emulator } of accounts) await emulator.close();
    accounts[0]?.stack.remove();
  });

  it("one stack per Affise account: each gets every offer file, in its own account", async () => {
    for (const { stack } of accounts) {
      const up = await stack.ok(["up", "--yes"]);
      expect(up.stdout).toMatch(/\+ 4 created/);
    }
    for (const { stack, emulator } of accounts) {
      const offers = emulator.offers() as Json[];
      expect(offers.map((o) => o.title).sort()).toEqual(["App install", "Spring"]);
      const outputs = JSON.parse((await stack.ok(["stack", "output", "--json"])).stdout) as Json;
      expect(Object.keys(outputs.offers).sort()).toEqual(["app", "spring"]);
      expect(outputs.offers.spring.id).toBe(String(offers.find((o) => o.title === "Spring").id));
      await stack.ok(["preview", "--expect-no-changes"]);
    }
  });

  it("a broken YAML file fails the preview and the update, naming the file; nothing is touched", async () => {
    const { stack, emulator } = accounts[0];
    stack.writeFile("offers/spring.yaml", offerFile("Spring", 15));
    stack.writeFile("offers/broken.yaml", "title: [unclosed\npayments: -\n");
    const stateBefore = await stack.resources();
    emulator.clearRequests();

    const preview = await stack.run(["preview"]);
    expect(preview.code).not.toBe(0);
    expect(preview.stdout + preview.stderr).toContain("broken.yaml");
    const up = await stack.run(["up", "--yes"]);
    expect(up.code).not.toBe(0);
    expect(up.stdout + up.stderr).toContain("broken.yaml");

    expect(writes(emulator)).toEqual([]);
    const spring = (emulator.offers() as Json[]).find((o) => o.title === "Spring");
    expect(spring.payments.map((p: Json) => Number(p.total))).toEqual([12]);
    expect((await stack.resources()).map((r) => r.urn)).toEqual(stateBefore.map((r) => r.urn));
  });

  it("with the file fixed, each account's preview shows just the one changed payment", async () => {
    accounts[0].stack.removeFile("offers/broken.yaml");
    for (const { stack } of accounts) {
      const preview = await stack.ok(["preview", "--diff"]);
      expect(preview.stdout).toMatch(/~ 1 to update/);
      expect(preview.stdout).toMatch(/3 unchanged/);
      expect(preview.stdout.replace(/\s+/g, " ")).toContain("~ total : 12 => 15");
    }
  });

  it("no key in either stack's state or in anything Pulumi printed", async () => {
    for (const { stack } of accounts) {
      const exported = await stack.exportText();
      for (const { key } of accounts) {
        expect(exported).not.toContain(key);
        expect(stack.transcript.join("\n")).not.toContain(key);
      }
    }
  });
});
