/**
 * Where request time goes, measured in this process against a fresh emulator, one request at a
 * time: what the provider's read hook (client, throttle, read-model mapping) adds to the same GET
 * sent with plain fetch, and how the emulator's marker lookup slows as its store fills. Both
 * explain the lifecycle's create and refresh times; neither is a target.
 */
import type * as pulumi from "@pulumi/pulumi";
import { startEmulator } from "../emulator";
import { BENCH_API_KEY } from "./bench-stack";

export interface Latency {
  samples: number;
  /** Mean milliseconds per sequential request. */
  plainGetMs: number;
  readHookMs: number;
  /** Marker lookups (GET /3.0/offers?external_offer_id=…) with an empty store and with `storedOffers`. */
  lookupEmptyMs: number;
  lookupFullMs: number;
  storedOffers: number;
}

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

export async function measureLatency(
  provider: pulumi.dynamic.ResourceProvider,
  config: Record<string, string>,
  storedOffers: number,
  samples = 200,
): Promise<Latency> {
  const emulator = await startEmulator({ apiKey: BENCH_API_KEY });
  const send = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(emulator.url + path, {
      ...init,
      headers: { "API-Key": BENCH_API_KEY, ...init.headers },
    });
    return (await response.json()) as { offer?: { id: number } };
  };
  const create = (i: number) =>
    send("/3.0/admin/offer", {
      method: "POST",
      headers: FORM,
      body: new URLSearchParams({
        title: `Latency ${i}`,
        advertiser: "5e39279bac611cda7e5765ab",
        url: "https://example.test/",
        external_offer_id: `latency-${i}`,
        "payments[0][countries][]": "DE",
        "payments[0][total]": "1",
        "payments[0][revenue]": "1",
        "payments[0][currency]": "EUR",
        "payments[0][type]": "fixed",
      }).toString(),
    });
  const lookup = () => send("/3.0/offers?external_offer_id=latency-0&status[]=active&limit=500");
  try {
    await provider.configure?.({
      config: {
        get: (key: string) =>
          ({ ...config, "affise:apiUrl": emulator.url, "affise:apiKey": BENCH_API_KEY })[key],
      },
    } as unknown as pulumi.dynamic.ConfigureRequest);
    const id = String((await create(0)).offer?.id);
    const lookupEmptyMs = await meanMs(50, lookup);
    const plainGetMs = await meanMs(samples, () => send(`/3.0/offer/${id}`));
    const readHookMs = await meanMs(samples, () => provider.read!(id, {}));
    for (let i = 1; i < storedOffers; i++) await create(i);
    const lookupFullMs = await meanMs(50, lookup);
    return { samples, plainGetMs, readHookMs, lookupEmptyMs, lookupFullMs, storedOffers };
  } finally {
    await emulator.close();
  }
}

async function meanMs(times: number, send: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 10; i++) await send();
  const started = performance.now();
  for (let i = 0; i < times; i++) await send();
  return (performance.now() - started) / times;
}
