/**
 * A change of account (apiUrl) killed between the new offer's write and the old one's delete, the
 * provider host SIGKILLed there and `up` run again in a new process, which first carries out the
 * delete the killed run left pending (as the engine does). The rerun must not delete the offer it
 * kept, and must leave no second live offer it cannot account for.
 */
import { startEmulator, type RunningEmulator } from "../../emulator";
import { declareOffers } from "../../harness/declare-offers";
import { Engine } from "../../harness/engine";
import { ADVERTISER, sampleOffer } from "../../harness/fixtures";
import type { ProviderHost } from "../../harness/provider-host";
import { type Stack, startHost, startStack } from "../../harness/stack";
import type { OfferArgs } from "../../provider";

const ACCOUNT_KEY = "crash-account-key-5d1e07";
let killed: string[];
let stack: Stack;
let account: RunningEmulator;
const hosts: ProviderHost[] = [];
beforeAll(async () => {
  account = await startEmulator({ apiKey: ACCOUNT_KEY });
});
afterAll(async () => {
  for (const host of hosts) await host.stop();
  await stack?.stop();
  await account.close();
});

/** A stack whose host is SIGKILLed right after the first create or update of `name` returns. */
async function stackKilledAfterWrite(): Promise<Stack> {
  killed = [];
  const next = await startStack({
    engine: {
      afterWrite: async (name) => {
        if (killed.length > 0) return;
        killed.push(name);
        process.kill(next.host.pid!, "SIGKILL");
      },
    },
  });
  return next;
}

/** The stack's state, picked up by `up` in a new provider process (the same stack). */
async function rerunOf(crashed: Stack): Promise<Engine> {
  const host = await startHost();
  hosts.push(host);
  await host.configure({ "affise:apiUrl": crashed.emulator.url, "affise:apiKey": crashed.apiKey });
  const rerun = new Engine(host);
  rerun.stackMark = crashed.engine.stackMark;
  for (const [name, tracked] of crashed.engine.state) rerun.state.set(name, tracked);
  rerun.pendingDeletes.push(...crashed.engine.pendingDeletes);
  return rerun;
}

const live = (emulator: RunningEmulator, name: string) =>
  emulator
    .offers()
    .filter((o) => String(o.external_offer_id).endsWith(`:${name}`) && o.status !== "stopped");

const args = (n: number, apiUrl: string): OfferArgs => ({
  ...sampleOffer(n),
  status: "active",
  apiUrl,
  apiKey: ACCOUNT_KEY,
});

it("the same account named by another host: the rerun keeps the one offer, never deletes it", async () => {
  stack = await stackKilledAfterWrite();
  const before = await declareOffers([{ name: "renamed", args: args(41, account.url) }]);
  await stack.engine.up(before); // a create: the kill waits for the first update or replace
  const id = stack.engine.state.get("renamed")!.id;
  const after = await declareOffers([
    { name: "renamed", args: args(41, `http://localhost:${account.port}`) },
  ]);
  await stack.engine.up(after);
  expect(killed).toEqual(["renamed"]);

  const rerun = await rerunOf(stack);
  await rerun.up(after);
  expect(live(account, "renamed").map((o) => String(o.id))).toEqual([id]);
  expect(rerun.state.get("renamed")!.id).toBe(id);
  expect(rerun.pendingDeletes).toEqual([]);
  expect((await rerun.preview(after))[0].kind).toBe("same");
});

it("a move to another account: the rerun deletes the old offer only, the new one is the state's", async () => {
  await stack.stop();
  stack = await stackKilledAfterWrite();
  const declared = (apiUrl: string) => declareOffers([{ name: "moving", args: args(42, apiUrl) }]);
  const other = await startEmulator({ apiKey: ACCOUNT_KEY });
  try {
    await stack.engine.up(await declared(account.url));
    const oldId = stack.engine.state.get("moving")!.id;
    // The other account has an offer with the same id: another offer_id, so not this offer.
    while (other.offers().length < Number(oldId)) await decoy(other);
    killed = [];
    const [crashed] = await stack.engine.up(await declared(other.url));
    expect(killed).toEqual(["moving"]);
    expect(crashed.kind).toBe("failed");
    expect(live(account, "moving").map((o) => String(o.id))).toEqual([oldId]);

    const rerun = await rerunOf(stack);
    await rerun.up(await declared(other.url));
    expect(live(account, "moving")).toEqual([]);
    expect(live(other, "moving").map((o) => String(o.id))).toEqual([rerun.state.get("moving")!.id]);
    expect((await rerun.preview(await declared(other.url)))[0].kind).toBe("same");
  } finally {
    await other.close();
  }
});

/** An offer made by hand in `emulator`'s account. */
async function decoy(emulator: RunningEmulator): Promise<void> {
  const form = new URLSearchParams({
    title: "Someone else's offer",
    advertiser: ADVERTISER,
    url: "https://elsewhere.test/",
    "payments[0][total]": "3",
    "payments[0][revenue]": "1",
    "payments[0][currency]": "USD",
    "payments[0][type]": "fixed",
  });
  await fetch(`${emulator.url}/3.0/admin/offer`, {
    method: "POST",
    headers: { "API-Key": ACCOUNT_KEY, "Content-Type": "application/x-www-form-urlencoded" },
    body: form.toString(),
  });
}
