/**
 * A sentinel key through every error path a slip or a hostile server opens: config with apiUrl and
 * apiKey swapped, a key inside the API URL, servers echoing the key lower-cased, upper-cased or
 * base64-encoded. After each, every reply and error the engine got, the host's stderr and the
 * state are scanned for the key in any of those forms.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { declareOffers } from "../../harness/declare-offers";
import { Engine, type Step } from "../../harness/engine";
import { sampleOffer } from "../../harness/fixtures";
import { SENTINEL_API_KEY, type Stack, startHost, startStack } from "../../harness/stack";

const KEY = SENTINEL_API_KEY;

/** The key as a server might echo it: any case, base64 at any alignment (inner part). */
function formsOf(key: string): string[] {
  const base64 = ["", "x", "xy", "API-Key: "].map((prefix) =>
    Buffer.from(prefix + key)
      .toString("base64")
      .slice(Math.ceil((prefix.length * 4) / 3) + 1, -4),
  );
  return [key, key.toLowerCase(), key.toUpperCase(), ...base64];
}

function expectKeyNowhere(stack: Pick<Stack, "host" | "engine">, errors: string[]): void {
  const places = {
    errors: errors.join("\n"),
    transcript: stack.host.transcript.join("\n"),
    stderr: stack.host.stderr,
    state: stack.engine.stateAsStored(),
  };
  for (const [place, text] of Object.entries(places)) {
    for (const form of formsOf(KEY)) {
      expect({ place, leaked: text.includes(form) }).toEqual({ place, leaked: false });
    }
  }
}

const errorsOf = (steps: Step[]) => steps.flatMap((s) => (s.error ? [s.error] : []));
const offer = (title = "Secrets") =>
  declareOffers([{ name: "s", args: { ...sampleOffer(3), title } }]);

describe("the key never appears", () => {
  let stack: Stack;
  afterEach(() => stack.stop());

  it("with affise:apiUrl and affise:apiKey swapped, in check, create, diff, read, update and delete", async () => {
    stack = await startStack();
    expect((await stack.engine.up(await offer())).map((s) => s.kind)).toEqual(["create"]);
    // The provider host applies its config once: a second host plays the stack with the slip.
    const host = await startHost();
    try {
      await host.configure({ "affise:apiUrl": KEY, "affise:apiKey": stack.emulator.url });
      const engine = new Engine(host);
      for (const [name, tracked] of stack.engine.state) engine.state.set(name, tracked);
      const fresh = await declareOffers([{ name: "new", args: sampleOffer(4) }]);
      const errors = [
        ...errorsOf(await engine.up(fresh)),
        ...errorsOf(await engine.up(await offer("Changed"))),
        await engine.refresh().then(
          () => "",
          (e: Error) => e.message,
        ),
        ...errorsOf(await engine.destroy()),
      ].filter(Boolean);
      // create (and the delete of "s", not declared in that run), update, read and delete each
      // failed, saying what is wrong with the setting.
      expect(errors).toHaveLength(5);
      for (const error of errors) expect(error).toMatch(/affise:apiUrl must be an http/);
      expectKeyNowhere({ host, engine }, errors);
    } finally {
      await host.stop();
    }
    expectKeyNowhere(stack, []);
  });

  it("with the key as the password in affise:apiUrl", async () => {
    stack = await startStack();
    const url = new URL(stack.emulator.url);
    await stack.host.configure({
      "affise:apiUrl": `http://admin:${KEY}@${url.host}`,
      "affise:apiKey": KEY,
    });
    const steps = await stack.engine.up(await offer());
    expect(steps[0].kind).toBe("failed");
    expect(steps[0].error).toMatch(/affise:apiUrl must not contain a user name or password/);
    expect(stack.emulator.offers()).toEqual([]);
    expectKeyNowhere(stack, errorsOf(steps));
  });

  it.each([
    ["lower-cased", (key: string) => `invalid key ${key.toLowerCase()}`],
    ["upper-cased", (key: string) => `INVALID KEY ${key.toUpperCase()}`],
    ["base64-encoded", (key: string) => `bad ${Buffer.from(`API-Key: ${key}`).toString("base64")}`],
  ])("when a server echoes the key %s", async (_label, echo) => {
    const server = http.createServer((req, res) => {
      res.writeHead(403, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ status: 2, error: echo(String(req.headers["api-key"])) }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      stack = await startStack();
      await stack.host.configure({
        "affise:apiUrl": `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        "affise:apiKey": KEY,
      });
      const steps = await stack.engine.up(await offer());
      expect(steps[0].kind).toBe("failed");
      expect(steps[0].error).toMatch(/HTTP 403: .*\[redacted\]/);
      expectKeyNowhere(stack, errorsOf(steps));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
