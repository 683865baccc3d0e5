import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

/** Loads the root Pulumi program (program/index.ts) under Pulumi's mocks, as `pulumi up` would. */
async function runProgram(config: Record<string, string>) {
  const registered: { type: string; name: string }[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: ({ type, name, inputs }) => {
        registered.push({ type, name });
        return { id: `id-${name}`, state: { ...inputs, offerId: `hex-${name}` } };
      },
      call: () => ({}),
    },
    "affise-offers",
    "test",
    false,
  );
  for (const [key, value] of Object.entries(config)) pulumi.runtime.setConfig(key, value);
  let program!: { offers: pulumi.Output<unknown> };
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    program = require("../../program");
  });
  const outputs = await new Promise((resolve) => program.offers.apply(resolve));
  return { registered, outputs };
}

describe("the root Pulumi program", () => {
  it("declares the offers under offers/ and exports each one's Affise ids and payment counts", async () => {
    const { registered, outputs } = await runProgram({});

    expect(registered.map((r) => r.name).sort()).toEqual([
      "affise-stack",
      "app-install",
      "help-centre",
      "kitchen-sink",
      "summer-sale",
    ]);
    expect(registered.filter((r) => r.name !== "affise-stack").map((r) => r.type)).toEqual(
      Array(4).fill("pulumi-nodejs:dynamic/affise:Offer"),
    );
    expect(registered.find((r) => r.name === "affise-stack")!.type).toBe(
      "pulumi-nodejs:dynamic/affise:StackMark",
    );
    expect(outputs).toEqual({
      "help-centre": {
        id: "id-help-centre",
        offerId: "hex-help-centre",
        payments: 1,
        partnerPayments: 1,
      },
      "app-install": {
        id: "id-app-install",
        offerId: "hex-app-install",
        payments: 2,
        partnerPayments: 1,
      },
      "summer-sale": {
        id: "id-summer-sale",
        offerId: "hex-summer-sale",
        payments: 2,
        partnerPayments: 0,
      },
      "kitchen-sink": {
        id: "id-kitchen-sink",
        offerId: "hex-kitchen-sink",
        payments: 1,
        partnerPayments: 1,
      },
    });
  });

  it("refuses an empty offers folder unless affise-offers:allowEmpty is set", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "offers-empty-"));
    try {
      await expect(runProgram({ "affise-offers:offersDir": empty })).rejects.toThrow(
        "no offer files",
      );
      const { registered } = await runProgram({
        "affise-offers:offersDir": empty,
        "affise-offers:allowEmpty": "true",
      });
      expect(registered).toEqual([]);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it("reads offers from the folder set in affise-offers:offersDir", async () => {
    const good = path.join(__dirname, "fixtures", "good");
    const { registered } = await runProgram({ "affise-offers:offersDir": good });
    expect(registered.map((r) => r.name).sort()).toEqual(["affise-stack", "kept-name", "minimal"]);
  });
});
