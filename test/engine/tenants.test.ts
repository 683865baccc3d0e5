/**
 * Several Affise tenants in one program: an offer's own apiUrl/apiKey override the stack's, its key
 * is registered as a secret (encrypted in state, never in plaintext), and an offer never follows
 * the stack to another tenant by accident.
 */
import { startEmulator, type RunningEmulator } from "../../emulator";
import { declareOffers } from "../../harness/declare-offers";
import { Engine } from "../../harness/engine";
import { sampleOffer } from "../../harness/fixtures";
import { type Stack, startHost, startStack } from "../../harness/stack";
import type { OfferArgs } from "../../provider";

const TENANT_B_KEY = "tenant-b-key-5d0c7e91aa";
let stack: Stack;
let tenantB: RunningEmulator;

beforeAll(async () => {
  stack = await startStack();
  tenantB = await startEmulator({ apiKey: TENANT_B_KEY });
});
afterAll(async () => {
  await stack.stop();
  await tenantB.close();
});

const onB = (): OfferArgs => ({ ...sampleOffer(2), apiUrl: tenantB.url, apiKey: TENANT_B_KEY });
const titles = (tenant: RunningEmulator) => tenant.offers().map((o) => o.title);

describe("an offer with its own tenant", () => {
  it("lands on its own tenant while the others use the stack's", async () => {
    const declared = await declareOffers([
      { name: "on-stack", args: sampleOffer(1) },
      { name: "on-b", args: onB() },
    ]);
    const steps = await stack.engine.up(declared);
    expect(steps.map((s) => s.kind)).toEqual(["create", "create"]);
    expect(titles(stack.emulator)).toEqual([sampleOffer(1).title]);
    expect(titles(tenantB)).toEqual([sampleOffer(2).title]);
  });

  it("registers its key as a secret, so the engine keeps it encrypted in state", async () => {
    const [registration] = await declareOffers([{ name: "on-b", args: onB() }]);
    expect(registration.inputs.apiKey).toEqual({
      "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
      value: TENANT_B_KEY,
    });
    expect(registration.secretOutputs).toContain("apiKey");
    expect(String(registration.inputs.__provider)).not.toContain(TENANT_B_KEY);
    expect(stack.engine.stateAsStored()).not.toContain(TENANT_B_KEY);
    expect(stack.host.stderr).not.toContain(TENANT_B_KEY);
  });

  it("sends its updates to its own tenant only, and shows an empty plan after", async () => {
    stack.emulator.clearRequests();
    tenantB.clearRequests();
    const changed = { ...onB(), title: "Renamed on B" };
    const declared = await declareOffers([
      { name: "on-stack", args: sampleOffer(1) },
      { name: "on-b", args: changed },
    ]);
    await stack.engine.up(declared);
    expect(stack.emulator.requests()).toEqual([]);
    expect(tenantB.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /3.0/admin/offer/${stack.engine.state.get("on-b")!.id}`,
    ]);
    const again = await stack.engine.preview(declared);
    expect(again.map((s) => s.kind)).toEqual(["same", "same"]);
  });

  it("moves to the stack's tenant with a replace: created there, then deleted from its old one", async () => {
    const declared = await declareOffers([
      { name: "on-stack", args: sampleOffer(1) },
      { name: "on-b", args: { ...sampleOffer(2), title: "Renamed on B" } },
    ]);
    const [, preview] = await stack.engine.preview(declared);
    expect(preview).toMatchObject({
      kind: "replace",
      diff: expect.objectContaining({ replaces: ["apiUrl"] }),
    });
    await stack.engine.up(declared);
    expect(titles(tenantB)).toEqual([]);
    expect(titles(stack.emulator).sort()).toEqual(["Renamed on B", sampleOffer(1).title].sort());
  });
});

describe("a stack pointed at another tenant", () => {
  it("refuses to act on its offers there, saying where they live", async () => {
    const host = await startHost();
    try {
      await host.configure({ "affise:apiUrl": tenantB.url, "affise:apiKey": TENANT_B_KEY });
      const moved = new Engine(host);
      for (const [name, tracked] of stack.engine.state) moved.state.set(name, { ...tracked });
      tenantB.clearRequests();
      const declared = await declareOffers([{ name: "on-stack", args: sampleOffer(1) }]);
      const [step] = await moved.preview(declared);
      expect(step.kind).toBe("failed");
      expect(step.error).toContain(
        `this offer lives in the Affise account at ${stack.emulator.url}`,
      );
      const deletes = await moved.destroy();
      expect(deletes.every((s) => s.kind === "failed")).toBe(true);
      expect(tenantB.requests()).toEqual([]);
    } finally {
      await host.stop();
    }
  });
});
