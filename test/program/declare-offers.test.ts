import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { declareOffers, OfferFilesError } from "../../program/offers";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

const fixtures = path.join(__dirname, "fixtures");
const STACK_MARK = "pulumi-nodejs:dynamic/affise:StackMark";
const TOKEN = "0123456789abcdef";

/** Runs `declare` under Pulumi's mocks and returns what reached the engine. */
async function registrations(declare: () => unknown): Promise<Registered[]> {
  const registered: Registered[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: ({ type, name, inputs }) => {
        registered.push({ type, name, inputs });
        if (type === STACK_MARK) return { id: TOKEN, state: { token: TOKEN } };
        return { id: `${name}-id`, state: inputs };
      },
      call: () => ({}),
    },
    "affise-offers",
    "test",
    false,
  );
  const declared = declare() as Record<string, pulumi.CustomResource>;
  await Promise.all(
    Object.values(declared).map((resource) => new Promise((done) => resource.urn.apply(done))),
  );
  return registered.filter((r) => r.type !== STACK_MARK);
}

describe("declareOffers", () => {
  it("refuses a folder with no offer files: emptied by mistake, it would delete every offer", () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "offers-empty-"));
    try {
      expect(() => declareOffers(empty)).toThrow(OfferFilesError);
      expect(() => declareOffers(empty)).toThrow(
        `${empty}: no offer files (*.yaml, *.yml); with none, this update would delete every offer`,
      );
      expect(declareOffers(empty, undefined, { allowEmpty: true })).toEqual({});
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it("declares exactly one affise.Offer per offer file, with the file's inputs", async () => {
    const registered = await registrations(() => declareOffers(path.join(fixtures, "good")));

    const byName = Object.fromEntries(registered.map((r) => [r.name, r]));
    expect(registered).toHaveLength(2);
    expect(byName["minimal"].type).toBe("pulumi-nodejs:dynamic/affise:Offer");
    expect(byName["kept-name"].type).toBe("pulumi-nodejs:dynamic/affise:Offer");
    expect(byName["minimal"].inputs).toMatchObject({
      title: "Minimal offer",
      advertiser: "5e39279bac611cda7e5765ab",
      url: "https://example.com/minimal",
      payments: [{ total: 5, revenue: 3, currency: "usd", type: "fixed" }],
      resourceName: "minimal",
      stackToken: TOKEN,
      externalOfferId: `pulumi-affise:${TOKEN}:minimal`,
    });
    expect(byName["kept-name"].inputs).toMatchObject({
      resourceName: "kept-name",
      deletePolicy: "stop",
      partnerPayments: [{ partners: [2, 7], total: 15, revenue: 10, currency: "EUR" }],
    });
    expect(byName["kept-name"].inputs).not.toHaveProperty("name");
  });

  it("declares the help-centre sample exactly as written in offers/help-centre.yaml", async () => {
    const registered = await registrations(() => declareOffers("offers"));
    const helpCentre = registered.find((r) => r.name === "help-centre");
    expect(helpCentre?.inputs).toMatchObject({
      advertiser: "5e39279bac611cda7e5765ab",
      payments: [
        {
          countries: ["RU", "US"],
          countryExclude: true,
          devices: ["desktop"],
          goal: "2",
          total: 100,
          revenue: 50,
          currency: "USD",
          type: "fixed",
          sub1: "abc",
        },
      ],
      partnerPayments: [
        { partners: [2], countries: ["RU"], goal: "3", currency: "USD", type: "fixed" },
      ],
    });
  });

  it("declares no resource at all when any file is broken, and lists every problem", async () => {
    let thrown: unknown;
    const registered = await registrations(() => {
      try {
        return declareOffers(path.join(fixtures, "broken"));
      } catch (error) {
        thrown = error;
        return {};
      }
    });

    expect(registered).toEqual([]);
    expect(thrown).toBeInstanceOf(OfferFilesError);
    const error = thrown as OfferFilesError;
    expect(error.errors).toHaveLength(30);
    expect(error.message.split("\n")[0]).toBe(
      "30 problems in offer files; no offer was declared, so nothing will change:",
    );
    expect(error.message).toContain(
      `  ${path.join(fixtures, "broken", "bad-payment.yaml")}:8 payments[0].currency: must be a three-letter currency code`,
    );
  });

  it("fails as a RunError, so Pulumi prints the problems without a stack trace", () => {
    let error: unknown;
    try {
      declareOffers(path.join(fixtures, "broken"));
    } catch (caught) {
      error = caught;
    }
    expect(pulumi.RunError.isInstance(error)).toBe(true);
  });
});
