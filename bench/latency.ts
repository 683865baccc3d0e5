/**
 * How the emulator's marker lookup slows as its store fills, measured in this process against a
 * fresh emulator, one request at a time with plain fetch. It explains part of the lifecycle's
 * create time; it is not a target. (What the provider's client adds: client-overhead.ts.)
 */
import { startEmulator } from "../emulator";
import { BENCH_API_KEY } from "./bench-stack";

export interface Latency {
  /** Lookups timed for each figure. */
  samples: number;
  /** Marker lookups (GET /3.0/offers?external_offer_id=…) with an empty store and with `storedOffers`. */
  lookupEmptyMs: number;
  lookupFullMs: number;
  storedOffers: number;
}

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

export async function measureLatency(storedOffers: number, samples = 50): Promise<Latency> {
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
    await create(0);
    const lookupEmptyMs = await meanMs(samples, lookup);
    for (let i = 1; i < storedOffers; i++) await create(i);
    const lookupFullMs = await meanMs(samples, lookup);
    return { samples, lookupEmptyMs, lookupFullMs, storedOffers };
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
