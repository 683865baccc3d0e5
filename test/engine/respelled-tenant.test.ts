/**
 * The account an offer lives in, spelled another way. Spellings of one URL (case, trailing slash,
 * default port) are the same account: nothing changes. A different host name for it (localhost
 * for 127.0.0.1) cannot be proven the same, so it is a move: a replace — whose create finds the
 * offer by its own marker and keeps it, and whose delete then must not delete it.
 */
import { declareOffers } from "../harness/declare-offers";
import { sampleOffer } from "../harness/fixtures";
import { type Stack, startStack } from "../harness/stack";
import type { OfferArgs } from "../../provider";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

const onUrl = (apiUrl: string): OfferArgs => ({ ...sampleOffer(3), apiUrl, apiKey: stack.apiKey });
const deletes = () => stack.emulator.requests().filter((r) => r.path === "/3.0/admin/offer/delete");

it("another spelling of the same URL is the same account: an empty plan, no request", async () => {
  await stack.engine.up(
    await declareOffers([{ name: "spelled", args: onUrl(stack.emulator.url) }]),
  );
  const id = stack.engine.state.get("spelled")!.id;
  const port = stack.emulator.port;
  for (const spelling of [
    `HTTP://127.0.0.1:${port}/`,
    `http://127.0.0.1:${port}//`,
    ` http://127.0.0.1:${port} `,
  ]) {
    stack.emulator.clearRequests();
    const steps = await stack.engine.up(
      await declareOffers([{ name: "spelled", args: onUrl(spelling) }]),
    );
    expect({ spelling, kind: steps[0].kind }).toEqual({ spelling, kind: "same" });
    expect(stack.emulator.requests()).toEqual([]);
    expect(stack.engine.state.get("spelled")!.id).toBe(id);
  }
});

it("localhost for 127.0.0.1 is a replace that keeps the one offer: never deleted, still tracked", async () => {
  const id = stack.engine.state.get("spelled")!.id;
  const declared = await declareOffers([
    { name: "spelled", args: onUrl(`http://localhost:${stack.emulator.port}`) },
  ]);
  const [preview] = await stack.engine.preview(declared);
  expect(preview).toMatchObject({
    kind: "replace",
    diff: expect.objectContaining({ replaces: ["apiUrl"] }),
  });
  stack.emulator.clearRequests();
  const [step] = await stack.engine.up(declared);
  expect(step.kind).toBe("replace");
  expect(deletes()).toEqual([]);
  expect(stack.engine.state.get("spelled")!.id).toBe(id);
  expect(stack.emulator.offers().filter((o) => String(o.id) === id)).toHaveLength(1);
  expect(await stack.engine.refresh()).toEqual({ drifted: [], gone: [] });
  expect((await stack.engine.preview(declared))[0].kind).toBe("same");
});
