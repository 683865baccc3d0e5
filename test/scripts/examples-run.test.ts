/**
 * The TypeScript examples run as their READMEs say — against the emulator — with the program's own
 * code under Pulumi's mocks (so the real `dynamic.Resource` serialization), and what it declares
 * carried out through Pulumi's provider host.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { startEmulator, type RunningEmulator } from "../../emulator";
import type { Registration } from "../../harness/declare-offers";
import { startStack, type Stack } from "../../harness/stack";
import { ROOT } from "./built";

// The examples import the package by name; here that is the built package, as the host loads it.
jest.mock("pulumi-affise", () => jest.requireActual("../../dist/provider"), { virtual: true });
jest.mock("pulumi-affise/program", () => jest.requireActual("../../dist/program/offers"), {
  virtual: true,
});

/** Runs examples/<name>/index.ts with this stack config; returns what it registered. */
async function runExample(name: string, config: Record<string, string>): Promise<Registration[]> {
  const dir = path.join(ROOT, "examples", name);
  const project = parse(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")).name as string;
  const registered: Registration[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({
          name: args.name,
          type: args.type,
          inputs: args.inputs,
          secretOutputs: [],
        });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: () => ({}),
    },
    project,
    "dev",
    false,
  );
  for (const [key, value] of Object.entries(config)) {
    pulumi.runtime.setConfig(key.includes(":") ? key : `${project}:${key}`, value);
  }
  let exported: Record<string, unknown> = {};
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    exported = require(path.join(dir, "index.ts"));
  });
  await Promise.all(
    Object.values(exported)
      .filter((value) => pulumi.Output.isInstance(value))
      .map((output) => new Promise((done) => (output as pulumi.Output<unknown>).apply(done))),
  );
  return registered;
}

/** The offer "made by hand" exactly as the adopt-existing README's curl command makes it. */
async function createAsReadmeSays(emulator: RunningEmulator, apiKey: string): Promise<number> {
  const readme = fs.readFileSync(
    path.join(ROOT, "examples", "adopt-existing", "README.md"),
    "utf8",
  );
  const curl = /^curl [\s\S]*?[^\\]\n/m.exec(readme)![0];
  const fields = [...curl.matchAll(/-d '?([^'\s]+)'?/g)].map(([, field]) => field);
  expect(fields.length).toBeGreaterThan(3);
  expect(curl).toContain("-H 'API-Key: demo-key'");
  const response = await fetch(`${emulator.url}/3.0/admin/offer`, {
    method: "POST",
    headers: { "API-Key": apiKey, "Content-Type": "application/x-www-form-urlencoded" },
    body: fields.join("&"),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { offer: { id: number } }).offer.id;
}

let stack: Stack;
beforeEach(async () => {
  stack = await startStack();
});
afterEach(() => stack.stop());

describe("examples/basic against the emulator", () => {
  it("creates the offers its README counts, and a second run changes nothing", async () => {
    const declared = await runExample("basic", {});
    const steps = await stack.engine.up(declared);
    expect(steps.map((step) => [step.name, step.kind])).toEqual([
      // The stack's ownership mark comes first: every offer's marker carries its token.
      ["affise-stack", "create"],
      ["help-centre", "create"],
      ["spring-promo", "create"],
    ]);
    expect(stack.emulator.offers()).toHaveLength(2);
    const readme = fs.readFileSync(path.join(ROOT, "examples", "basic", "README.md"), "utf8");
    expect(readme).toMatch(/^Two offers are declared in code/m);
    stack.emulator.clearRequests();
    const again = await stack.engine.preview(await runExample("basic", {}));
    expect(again.map((step) => step.kind)).toEqual(["same", "same", "same"]);
    expect(stack.emulator.requests()).toEqual([]);
  });

  it("declares the third offer in the partner's account once partnerApiUrl is set", async () => {
    const partnerKey = "partner-example-key";
    const partner = await startEmulator({ apiKey: partnerKey, port: 0 });
    try {
      const declared = await runExample("basic", {
        partnerApiUrl: partner.url,
        partnerApiKey: partnerKey,
      });
      expect(declared.map((d) => d.name)).toEqual([
        "affise-stack",
        "help-centre",
        "spring-promo",
        "partner-exclusive",
      ]);
      await stack.engine.up(declared);
      expect(stack.emulator.offers()).toHaveLength(2);
      expect(partner.offers()).toEqual([
        expect.objectContaining({ title: "Partner exclusive", privacy: "private" }),
      ]);
      await stack.engine.destroy();
      expect(partner.offers()).toEqual([]);
    } finally {
      await partner.close();
    }
  });
});

describe("examples/adopt-existing against the emulator", () => {
  it("takes over the offer made by hand: no new offer, the declaration applied to it", async () => {
    const id = await createAsReadmeSays(stack.emulator, stack.apiKey);
    const declared = await runExample("adopt-existing", { adoptId: String(id) });
    const steps = await stack.engine.up(declared);
    expect(steps).toEqual([
      expect.objectContaining({ name: "affise-stack", kind: "create" }),
      expect.objectContaining({ name: "legacy-summer-offer", kind: "create" }),
    ]);
    expect(stack.engine.state.get("legacy-summer-offer")!.id).toBe(String(id));
    expect(stack.emulator.offers()).toEqual([
      expect.objectContaining({ id, title: "Summer offer (managed by Pulumi)" }),
    ]);
    stack.emulator.clearRequests();
    expect((await stack.engine.preview(declared)).map((step) => step.kind)).toEqual([
      "same",
      "same",
    ]);
    expect(stack.emulator.requests()).toEqual([]);
  });
});
