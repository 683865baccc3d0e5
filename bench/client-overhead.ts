/**
 * What the provider's client adds to a request, measured one request at a time against a fresh
 * emulator: the same `GET /3.0/offer/{id}` sent with plain fetch, through AffiseClient (axios,
 * retries, throttle, answer checks) and through the read hook (client + read-model mapping). The
 * three kinds alternate in small batches so that load on the machine hits them alike; each figure
 * is the median of the batches' means. `tsx bench/client-overhead.ts` prints it alone.
 */
import type * as pulumi from "@pulumi/pulumi";
import { startEmulator } from "../emulator";
import { AffiseClient } from "../provider/affise/client";
import { BENCH_API_KEY } from "./bench-stack";

export interface ClientOverhead {
  /** Requests of each kind (batches × batch size). */
  samples: number;
  /** Median over batches of the mean milliseconds per sequential request. */
  plainGetMs: number;
  clientGetMs: number;
  readHookMs: number;
}

const BATCH = 20;
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };
const OFFER_FORM = {
  title: "Client overhead",
  advertiser: "5e39279bac611cda7e5765ab",
  url: "https://example.test/",
  external_offer_id: "client-overhead-0",
  "payments[0][countries][]": "DE",
  "payments[0][total]": "1",
  "payments[0][revenue]": "1",
  "payments[0][currency]": "EUR",
  "payments[0][type]": "fixed",
};

export async function measureClientOverhead(
  provider: pulumi.dynamic.ResourceProvider,
  batches = 25,
): Promise<ClientOverhead> {
  const emulator = await startEmulator({ apiKey: BENCH_API_KEY });
  try {
    const headers = { "API-Key": BENCH_API_KEY };
    const created = await fetch(`${emulator.url}/3.0/admin/offer`, {
      method: "POST",
      headers: { ...headers, ...FORM },
      body: new URLSearchParams(OFFER_FORM).toString(),
    });
    const id = String(((await created.json()) as { offer: { id: number } }).offer.id);
    const settings = {
      "affise:apiUrl": emulator.url,
      "affise:apiKey": BENCH_API_KEY,
      // The rate limit is not what is measured: one request at a time never reaches it.
      "affise:maxRequestsPerSecond": "100000",
    };
    await provider.configure?.({
      config: { get: (key: string) => (settings as Record<string, string>)[key] },
    } as unknown as pulumi.dynamic.ConfigureRequest);
    const client = new AffiseClient({
      apiUrl: emulator.url,
      apiKey: BENCH_API_KEY,
      timeoutMs: 30_000,
      maxRetries: 6,
      maxRequestsPerSecond: 100_000,
      maxConcurrency: 4,
      maxWaitSeconds: 30,
      unreachableAfterMs: 8_000,
      createSettleSeconds: 120,
    });
    const kinds = {
      plain: async () => (await fetch(`${emulator.url}/3.0/offer/${id}`, { headers })).json(),
      client: () => client.getOffer(id),
      hook: () => provider.read!(id, {}),
    };
    const means: Record<keyof typeof kinds, number[]> = { plain: [], client: [], hook: [] };
    for (const send of Object.values(kinds)) await batchMeanMs(send);
    for (let batch = 0; batch < batches; batch++) {
      for (const [kind, send] of Object.entries(kinds) as [keyof typeof kinds, () => unknown][]) {
        means[kind].push(await batchMeanMs(send));
      }
    }
    return {
      samples: batches * BATCH,
      plainGetMs: median(means.plain),
      clientGetMs: median(means.client),
      readHookMs: median(means.hook),
    };
  } finally {
    await emulator.close();
  }
}

async function batchMeanMs(send: () => unknown): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < BATCH; i++) await send();
  return (performance.now() - started) / BATCH;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

if (require.main === module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { offerProvider } = require("../dist/provider") as {
    offerProvider: pulumi.dynamic.ResourceProvider;
  };
  measureClientOverhead(offerProvider)
    .then((figures) => {
      const over = (ms: number) => (ms - figures.plainGetMs).toFixed(2);
      process.stdout.write(
        [
          `GET /3.0/offer/{id}, ${figures.samples} of each, median of batch means:`,
          `  plain fetch   ${figures.plainGetMs.toFixed(2)} ms`,
          `  AffiseClient  ${figures.clientGetMs.toFixed(2)} ms (+${over(figures.clientGetMs)} ms)`,
          `  read hook     ${figures.readHookMs.toFixed(2)} ms (+${over(figures.readHookMs)} ms)`,
          "",
        ].join("\n"),
      );
    })
    .catch((error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    });
}
